import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usersApi, useUserSearch } from '../api/users';
import { SearchSelect, useSearchText } from './PickSelect';

type Props = { value?: string; onChange?: (v: string | undefined) => void; id?: string; 'data-testid'?: string };

/** Searches active users by name as one types (server-side). */
export function UserSelect({ value, ...props }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useSearchText();
  const found = useUserSearch(q, true);
  const current = useUserName(value);
  const options = (found.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: current ?? value });
  return <SearchSelect<string> {...props} value={value} onSearch={setQ} searching={found.isFetching} options={options} placeholder={t('users.searchPlaceholder')} />;
}

/** A user's display name (cached), or undefined while unknown. */
export function useUserName(id: string | null | undefined): string | undefined {
  const q = useQuery({ queryKey: ['users', 'one', id], queryFn: () => usersApi.get(id!), enabled: !!id, staleTime: 5 * 60_000, retry: false });
  return q.data ? `${q.data.displayName}（${q.data.username}）` : undefined;
}

export function UserName({ id }: { id: string | null }) {
  const name = useUserName(id);
  if (!id) return <>—</>;
  return <>{name ?? id.slice(0, 8)}</>;
}
