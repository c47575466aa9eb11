import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { AuthProvider } from '../auth/AuthContext';
import { RequireAccess, RequireAuth, FullPageSpin } from '../auth/guards';
import { AppLayout } from '../layout/AppLayout';
import { LoginPage } from '../pages/LoginPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { HomePage } from '../pages/HomePage';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import type { PageKey } from './access';

/** Pages load on demand; each named export becomes a lazy component. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const UsersPage = page(() => import('../pages/admin/UsersPage'), 'UsersPage');
const RolesPage = page(() => import('../pages/admin/RolesPage'), 'RolesPage');
const SecurityPage = page(() => import('../pages/admin/SecurityPage'), 'SecurityPage');
const TokensPage = page(() => import('../pages/admin/TokensPage'), 'TokensPage');
const ParksPage = page(() => import('../pages/admin/ParksPage'), 'ParksPage');
const DepartmentsPage = page(() => import('../pages/admin/DepartmentsPage'), 'DepartmentsPage');
const CalendarPage = page(() => import('../pages/admin/CalendarPage'), 'CalendarPage');
const AuditPage = page(() => import('../pages/AuditPage'), 'AuditPage');
const ReferencePage = page(() => import('../pages/ReferencePage'), 'ReferencePage');
const EnterprisesPage = page(() => import('../pages/enterprises/EnterprisesPage'), 'EnterprisesPage');
const EnterpriseDetailPage = page(() => import('../pages/enterprises/EnterpriseDetailPage'), 'EnterpriseDetailPage');
const ImportPage = page(() => import('../pages/enterprises/ImportPage'), 'ImportPage');
const ExpiringQualificationsPage = page(() => import('../pages/enterprises/ExpiringQualificationsPage'), 'ExpiringQualificationsPage');
const ChangeRequestsPage = page(() => import('../pages/enterprises/ChangeRequestsPage'), 'ChangeRequestsPage');
const QualificationKindsPage = page(() => import('../pages/enterprises/QualificationKindsPage'), 'QualificationKindsPage');
const PortalEnterprisePage = page(() => import('../pages/portal/PortalEnterprisePage'), 'PortalEnterprisePage');
const PortalReportPage = page(() => import('../pages/portal/PortalReportPage'), 'PortalReportPage');
const ReportingPage = page(() => import('../pages/statistics/ReportingPage'), 'ReportingPage');
const StatisticsImportPage = page(() => import('../pages/statistics/StatisticsImportPage'), 'StatisticsImportPage');
const IndicatorsPage = page(() => import('../pages/statistics/IndicatorsPage'), 'IndicatorsPage');
const PeriodsPage = page(() => import('../pages/statistics/PeriodsPage'), 'PeriodsPage');
const AnalysisPage = page(() => import('../pages/statistics/analysis/AnalysisPage'), 'AnalysisPage');
const CockpitPage = page(() => import('../pages/statistics/cockpit/CockpitPage'), 'CockpitPage');
const WorkOrdersPage = page(() => import('../pages/workOrders/WorkOrdersPage'), 'WorkOrdersPage');
const WorkOrderCreatePage = page(() => import('../pages/workOrders/WorkOrderCreatePage'), 'WorkOrderCreatePage');
const WorkOrderDetailPage = page(() => import('../pages/workOrders/WorkOrderDetailPage'), 'WorkOrderDetailPage');
const WorkOrderSettingsPage = page(() => import('../pages/workOrders/settings/WorkOrderSettingsPage'), 'WorkOrderSettingsPage');
const PortalOrdersPage = page(() => import('../pages/portal/PortalOrdersPage'), 'PortalOrdersPage');
const PortalOrderDetailPage = page(() => import('../pages/portal/PortalOrderDetailPage'), 'PortalOrderDetailPage');
const PortalServicesPage = page(() => import('../pages/portal/PortalServicesPage'), 'PortalServicesPage');
const NotificationsPage = page(() => import('../pages/notifications/NotificationsPage'), 'NotificationsPage');
const WorkbenchPage = page(() => import('../pages/service/workbench/WorkbenchPage'), 'WorkbenchPage');
const RatesPage = page(() => import('../pages/service/rates/RatesPage'), 'RatesPage');
const SupervisionsPage = page(() => import('../pages/service/supervisions/SupervisionsPage'), 'SupervisionsPage');
const VisitsPage = page(() => import('../pages/service/visits/VisitsPage'), 'VisitsPage');
const VisitDetailPage = page(() => import('../pages/service/visits/VisitDetailPage'), 'VisitDetailPage');
const ServicePackagesPage = page(() => import('../pages/service/packages/ServicePackagesPage'), 'ServicePackagesPage');

function Root() {
  return (
    <AuthProvider>
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </AuthProvider>
  );
}

const guarded = (key: PageKey, el: ReactNode) => <RequireAccess page={key}>{el}</RequireAccess>;

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // 驾驶舱: full screen for a projector, outside the app's layout (no menu, no header).
      { path: '/statistics/cockpit', element: <RequireAuth>{guarded('statisticsCockpit', <CockpitPage />)}</RequireAuth> },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'admin/users', element: guarded('users', <UsersPage />) },
          { path: 'admin/roles', element: guarded('roles', <RolesPage />) },
          { path: 'admin/security', element: guarded('security', <SecurityPage />) },
          { path: 'admin/tokens', element: guarded('tokens', <TokensPage />) },
          { path: 'admin/parks', element: guarded('parks', <ParksPage />) },
          { path: 'admin/departments', element: guarded('departments', <DepartmentsPage />) },
          { path: 'admin/calendar', element: guarded('calendar', <CalendarPage />) },
          { path: 'audit', element: guarded('audit', <AuditPage />) },
          { path: 'reference', element: guarded('reference', <ReferencePage />) },
          { path: 'enterprises', element: guarded('enterprises', <EnterprisesPage />) },
          { path: 'enterprises/import', element: guarded('enterpriseImport', <ImportPage />) },
          { path: 'enterprises/qualifications/expiring', element: guarded('expiringQualifications', <ExpiringQualificationsPage />) },
          { path: 'enterprises/change-requests', element: guarded('changeRequests', <ChangeRequestsPage />) },
          { path: 'enterprises/qualification-kinds', element: guarded('qualificationKinds', <QualificationKindsPage />) },
          { path: 'enterprises/:id', element: guarded('enterprises', <EnterpriseDetailPage />) },
          { path: 'portal/enterprise', element: guarded('portal', <PortalEnterprisePage />) },
          { path: 'portal/report', element: guarded('portalReport', <PortalReportPage />) },
          { path: 'statistics/reporting', element: guarded('statisticsReporting', <ReportingPage />) },
          { path: 'statistics/import', element: guarded('statisticsImport', <StatisticsImportPage />) },
          { path: 'statistics/indicators', element: guarded('statisticsIndicators', <IndicatorsPage />) },
          { path: 'statistics/periods', element: guarded('statisticsPeriods', <PeriodsPage />) },
          { path: 'statistics/analysis', element: guarded('statisticsAnalysis', <AnalysisPage />) },
          { path: 'work-orders', element: guarded('workOrders', <WorkOrdersPage />) },
          { path: 'work-orders/new', element: guarded('workOrderCreate', <WorkOrderCreatePage />) },
          { path: 'work-orders/settings', element: guarded('workOrderSettings', <WorkOrderSettingsPage />) },
          { path: 'work-orders/:id', element: guarded('workOrders', <WorkOrderDetailPage />) },
          { path: 'portal/orders', element: guarded('portalOrders', <PortalOrdersPage />) },
          { path: 'portal/orders/:id', element: guarded('portalOrders', <PortalOrderDetailPage />) },
          { path: 'portal/services', element: guarded('portalServices', <PortalServicesPage />) },
          { path: 'notifications', element: guarded('notifications', <NotificationsPage />) },
          { path: 'service/workbench', element: guarded('serviceWorkbench', <WorkbenchPage />) },
          { path: 'service/rates', element: guarded('serviceRates', <RatesPage />) },
          { path: 'service/supervisions', element: guarded('supervisions', <SupervisionsPage />) },
          { path: 'service/visits', element: guarded('visits', <VisitsPage />) },
          { path: 'service/visits/:id', element: guarded('visits', <VisitDetailPage />) },
          { path: 'service/packages', element: guarded('servicePackages', <ServicePackagesPage />) },
          { path: '403', element: <ForbiddenPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
