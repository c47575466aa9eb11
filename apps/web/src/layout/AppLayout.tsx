import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useUser } from '../auth/AuthContext';
import { useLanguage } from '../i18n/LanguageContext';
import { LanguageSwitch, SignOutButton, UserMenu } from './HeaderActions';
import { Logo } from './Logo';
import { NotificationBell } from './NotificationBell';
import { isGroup, menuFor, pagesFor } from './menu';

export function AppLayout() {
  const user = useUser();
  const { t } = useTranslation();
  const { roleName, lang } = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();

  const route = useMemo(() => {
    const routes: MenuDataItem[] = menuFor(user).map((m) =>
      isGroup(m)
        ? { key: m.key, path: `/${m.key}`, name: t(m.label), icon: m.icon, children: m.children.map((c) => ({ key: c.key, path: c.path, name: t(c.label), icon: c.icon })) }
        : { key: m.key, path: m.path, name: t(m.label), icon: m.icon },
    );
    return { path: '/', routes };
    // lang: names are re-translated when the language changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user, t, lang]);

  // The page's own entry only: the longest menu path the location is under, so that
  // /enterprises/import selects 批量导入 and not 企业库 (/enterprises) as well.
  const selectedKeys = useMemo(() => {
    const here = location.pathname;
    const best = pagesFor(user)
      .filter((e) => e.path === here || (e.path !== '/' && here.startsWith(`${e.path}/`)))
      .sort((a, b) => b.path.length - a.path.length)[0];
    return best ? [best.key] : [];
  }, [user, location.pathname]);

  // A pending password change: no menu, only the change-password page (the guard enforces it).
  if (user.mustChangePassword) return <Outlet />;

  return (
    <ProLayout
      title={t('app.name')}
      logo={<Logo />}
      layout="mix"
      fixSiderbar
      fixedHeader
      siderWidth={216}
      route={route}
      location={{ pathname: location.pathname }}
      selectedKeys={selectedKeys}
      menu={{ locale: false, defaultOpenAll: true }}
      menuProps={{ 'data-testid': 'main-menu', 'aria-label': t('nav.main') } as MenuProps}
      pageTitleRender={false}
      onMenuHeaderClick={() => navigate('/')}
      menuItemRender={(item, dom) =>
        item.path ? (
          <Link to={item.path} data-testid={`menu-${String(item.key ?? item.path)}`}>
            {dom}
          </Link>
        ) : (
          dom
        )
      }
      avatarProps={{
        size: 'small',
        title: (
          <span data-testid="current-user">
            {user.displayName}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }} className="zy-hide-narrow">
              {user.roles.map((r) => roleName(r)).join('、')}
            </Typography.Text>
          </span>
        ),
        children: user.displayName.slice(0, 1),
        render: (_props, dom) => <UserMenu>{dom}</UserMenu>,
      }}
      actionsRender={() => [<NotificationBell key="bell" />, <LanguageSwitch key="lang" />, <SignOutButton key="logout" />]}
      token={{ header: { colorBgHeader: '#fff' }, sider: { colorMenuBackground: '#fff' } }}
    >
      <Outlet />
    </ProLayout>
  );
}
