import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  EnvironmentOutlined,
  ShopOutlined,
  DatabaseOutlined,
  BankOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  ImportOutlined,
  TagsOutlined,
  BarChartOutlined,
  FormOutlined,
  FileSearchOutlined,
  CloudUploadOutlined,
  UnorderedListOutlined,
  ScheduleOutlined,
  LineChartOutlined,
  FundProjectionScreenOutlined,
  CustomerServiceOutlined,
  ProfileOutlined,
  ControlOutlined,
  MessageOutlined,
  DesktopOutlined,
  AlertOutlined,
  PieChartOutlined,
  CarOutlined,
  GiftOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { SessionUser } from '@zhiyuan/core';
import type { ReactNode } from 'react';
import { canOpen, type PageKey } from '../routes/access';

export type MenuEntry = { key: PageKey; path: string; label: string; icon: ReactNode };
export type MenuGroup = { key: string; label: string; icon: ReactNode; children: MenuEntry[] };
export type MenuItem = MenuEntry | MenuGroup;

/** The main menu; labels are i18n keys. */
export const menu: readonly MenuItem[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { key: 'portal', path: '/portal/enterprise', label: 'portal.nav', icon: <BankOutlined /> },
  { key: 'portalReport', path: '/portal/report', label: 'statistics.nav.portalReport', icon: <FormOutlined /> },
  { key: 'portalOrders', path: '/portal/orders', label: 'portalOrders.nav', icon: <MessageOutlined /> },
  { key: 'portalServices', path: '/portal/services', label: 'portalServices.nav', icon: <SolutionOutlined /> },
  {
    // 企业服务台: work orders and their settings (other service-desk pages join this group)
    key: 'service-desk',
    label: 'workOrders.nav.group',
    icon: <CustomerServiceOutlined />,
    children: [
      { key: 'serviceWorkbench', path: '/service/workbench', label: 'workbench.nav', icon: <DesktopOutlined /> },
      { key: 'workOrders', path: '/work-orders', label: 'workOrders.nav.list', icon: <ProfileOutlined /> },
      { key: 'supervisions', path: '/service/supervisions', label: 'supervision.nav', icon: <AlertOutlined /> },
      { key: 'serviceRates', path: '/service/rates', label: 'serviceStats.nav', icon: <PieChartOutlined /> },
      { key: 'visits', path: '/service/visits', label: 'visits.nav', icon: <CarOutlined /> },
      { key: 'servicePackages', path: '/service/packages', label: 'packages.nav', icon: <GiftOutlined /> },
      { key: 'workOrderSettings', path: '/work-orders/settings', label: 'workOrders.nav.settings', icon: <ControlOutlined /> },
    ],
  },
  {
    key: 'enterprise-services',
    label: 'enterprises.nav.group',
    icon: <ShopOutlined />,
    children: [
      { key: 'enterprises', path: '/enterprises', label: 'enterprises.nav.registry', icon: <DatabaseOutlined /> },
      { key: 'expiringQualifications', path: '/enterprises/qualifications/expiring', label: 'enterpriseAdmin.nav.expiring', icon: <FieldTimeOutlined /> },
      { key: 'changeRequests', path: '/enterprises/change-requests', label: 'enterpriseAdmin.nav.changeRequests', icon: <FileDoneOutlined /> },
      { key: 'enterpriseImport', path: '/enterprises/import', label: 'enterpriseAdmin.nav.import', icon: <ImportOutlined /> },
      { key: 'qualificationKinds', path: '/enterprises/qualification-kinds', label: 'enterpriseAdmin.nav.kinds', icon: <TagsOutlined /> },
    ],
  },
  {
    key: 'statistics',
    label: 'statistics.nav.group',
    icon: <BarChartOutlined />,
    children: [
      { key: 'statisticsAnalysis', path: '/statistics/analysis', label: 'statAnalysis.nav', icon: <LineChartOutlined /> },
      { key: 'statisticsCockpit', path: '/statistics/cockpit', label: 'cockpit.nav', icon: <FundProjectionScreenOutlined /> },
      { key: 'statisticsReporting', path: '/statistics/reporting', label: 'statistics.nav.reporting', icon: <FileSearchOutlined /> },
      { key: 'statisticsImport', path: '/statistics/import', label: 'statistics.nav.import', icon: <CloudUploadOutlined /> },
      { key: 'statisticsIndicators', path: '/statistics/indicators', label: 'statistics.nav.indicators', icon: <UnorderedListOutlined /> },
      { key: 'statisticsPeriods', path: '/statistics/periods', label: 'statistics.nav.periods', icon: <ScheduleOutlined /> },
    ],
  },
  {
    key: 'system',
    label: 'nav.system',
    icon: <SettingOutlined />,
    children: [
      { key: 'users', path: '/admin/users', label: 'nav.users', icon: <UserOutlined /> },
      { key: 'roles', path: '/admin/roles', label: 'nav.roles', icon: <TeamOutlined /> },
      { key: 'security', path: '/admin/security', label: 'nav.security', icon: <SafetyCertificateOutlined /> },
      { key: 'tokens', path: '/admin/tokens', label: 'nav.tokens', icon: <KeyOutlined /> },
    ],
  },
  {
    key: 'org',
    label: 'nav.org',
    icon: <ClusterOutlined />,
    children: [
      { key: 'parks', path: '/admin/parks', label: 'nav.parks', icon: <EnvironmentOutlined /> },
      { key: 'departments', path: '/admin/departments', label: 'nav.departments', icon: <ApartmentOutlined /> },
      { key: 'calendar', path: '/admin/calendar', label: 'nav.calendar', icon: <CalendarOutlined /> },
    ],
  },
  { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  { key: 'reference', path: '/reference', label: 'nav.reference', icon: <BookOutlined /> },
];

const isGroup = (m: MenuItem): m is MenuGroup => 'children' in m;

/** Only what the user's roles allow; a group with nothing left disappears. */
export function menuFor(user: Pick<SessionUser, 'roles'>): MenuItem[] {
  return menu.flatMap((m): MenuItem[] => {
    if (!isGroup(m)) return canOpen(user, m.key) ? [m] : [];
    const children = m.children.filter((c) => canOpen(user, c.key));
    return children.length ? [{ ...m, children }] : [];
  });
}

/** Flat list of the pages a user may open (for the home page shortcuts). */
export function pagesFor(user: Pick<SessionUser, 'roles'>): MenuEntry[] {
  return menuFor(user).flatMap((m) => (isGroup(m) ? m.children : [m]));
}

export { isGroup };
