import { useTranslation } from 'react-i18next';
import { useOfficers } from '../api/enterprises';
import { LocalSelect, type PickerProps } from './PickSelect';

/** Service officers of the caller's scope. */
export function OfficerSelect({ placeholder, ...props }: PickerProps<string>) {
  const { t } = useTranslation();
  const officers = useOfficers();
  return (
    <LocalSelect<string>
      {...props}
      options={(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
      loading={officers.isLoading}
      placeholder={placeholder ?? t('workOrders.pick.officer')}
    />
  );
}
