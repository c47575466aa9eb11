import { Alert, Button, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedToken } from '../../api/types';

/** The secret is shown once; the dialog closes only after the admin confirms having saved it. */
export function TokenShownOnce({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const close = () => {
    setSaved(false);
    onClose();
  };
  return (
    <Modal
      open={!!token}
      title={t('tokens.createdTitle', { name: token?.name })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" disabled={!saved} onClick={close} data-testid="token-done">
          {t('common.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('tokens.onceWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: token?.token ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ wordBreak: 'break-all', fontSize: 14 }}
        data-testid="token-secret"
      >
        {token?.token}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('tokens.usage')}</Typography.Paragraph>
      <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} data-testid="token-saved">
        {t('tokens.savedConfirm')}
      </Checkbox>
    </Modal>
  );
}
