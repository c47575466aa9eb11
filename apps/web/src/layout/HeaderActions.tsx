import { GlobalOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { languages, type Lang } from '../i18n';
import { useLanguage } from '../i18n/LanguageContext';

const langLabel: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const { t } = useTranslation();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [lang],
        items: languages.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{langLabel[l]}</span> })),
        onClick: ({ key }) => setLang(key as Lang),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('nav.language')} data-testid="lang-switch">
        {langLabel[lang]}
      </Button>
    </Dropdown>
  );
}

export function SignOutButton() {
  const { signOut } = useAuth();
  const { t } = useTranslation();
  return (
    <Tooltip title={t('nav.logout')}>
      <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout-button" aria-label={t('nav.logout')}>
        <Space size={4} className="zy-hide-narrow">
          {t('nav.logout')}
        </Space>
      </Button>
    </Tooltip>
  );
}

/** The avatar's menu: own password, sign out. */
export function UserMenu({ children }: { children: ReactNode }) {
  const { signOut } = useAuth();
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('nav.changePassword') },
          { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout') },
        ],
        onClick: ({ key }) => (key === 'password' ? navigate('/change-password') : void signOut()),
      }}
    >
      <span data-testid="user-menu" style={{ cursor: 'pointer' }}>
        {children}
      </span>
    </Dropdown>
  );
}
