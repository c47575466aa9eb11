import { ClockCircleOutlined } from '@ant-design/icons';
import { adminRoles, type RoleCode } from '@zhiyuan/core';
import { Alert, Card, Col, Descriptions, List, Row, Tag, Typography } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useParks } from '../api/parks';
import { useCalendarYears } from '../api/calendar';
import { useAuth, useUser } from '../auth/AuthContext';
import { Page } from '../components/Page';
import { RoleTags } from '../components/RoleTags';
import { useLanguage } from '../i18n/LanguageContext';
import { pagesFor } from '../layout/menu';

/** An enterprise user lands on its own enterprise (我的企业). */
const PortalEnterprisePage = lazy(async () => ({ default: (await import('./portal/PortalEnterprisePage')).PortalEnterprisePage }));
/** A service officer lands on the workbench (服务管家工作台). */
const WorkbenchPage = lazy(async () => ({ default: (await import('./service/workbench/WorkbenchPage')).WorkbenchPage }));

function Scope() {
  const user = useUser();
  const { can } = useAuth();
  const { t } = useTranslation();
  const parks = useParks(can('park.read'));
  if (user.enterpriseId) return <>{t('home.scopeEnterprise')}</>;
  // The auditor reads no parks: its scope is the audit log, not business data.
  if (user.parkIds.length === 0 || !can('park.read')) return <>{adminRoles.some((r) => user.roles.includes(r)) ? t('home.scopeSystem') : t('home.scopeNone')}</>;
  const byId = new Map((parks.data?.items ?? []).map((p) => [p.id, p]));
  const names = user.parkIds.map((id) => {
    const p = byId.get(id);
    if (!p) return '…';
    return p.parentId ? p.name : t('home.scopeZone', { name: p.name });
  });
  return <>{names.join('、')}</>;
}

const businessRoles: readonly RoleCode[] = ['leader', 'park_admin', 'statistician', 'service_officer', 'department_staff', 'policy_officer', 'investment_officer', 'enterprise'];

/** From November, the administrators who maintain the calendar are told next year's is missing. */
function MissingCalendarReminder() {
  const { t } = useTranslation();
  const year = useCalendarYears().data?.missingYearReminder;
  if (!year) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('calendar.missingYear', { year })}
      action={<Link to="/admin/calendar">{t('calendar.import')}</Link>}
      data-testid="home-calendar-reminder"
    />
  );
}

export function HomePage() {
  const user = useUser();
  const { can } = useAuth();
  const { t } = useTranslation();
  const { roleName } = useLanguage();
  const shortcuts = pagesFor(user).filter((p) => p.key !== 'home');
  const coming = user.roles.filter((r) => businessRoles.includes(r));

  if (user.enterpriseId && can('enterprise.selfEdit')) return <PortalEnterprisePage />;
  if (user.roles.includes('service_officer') && can('visit.write')) return <WorkbenchPage />;

  return (
    <Page title={t('home.title')}>
      {can('calendar.write') && <MissingCalendarReminder />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={coming.length ? 14 : 24}>
          <Card title={t('home.welcome', { name: user.displayName })} data-testid="home-welcome">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.username')}>{user.username}</Descriptions.Item>
              <Descriptions.Item label={t('home.roles')}>
                <RoleTags roles={user.roles} />
              </Descriptions.Item>
              <Descriptions.Item label={t('home.scope')}>
                <Scope />
              </Descriptions.Item>
            </Descriptions>
            {user.roles.map((r) => (
              <Typography.Paragraph key={r} type="secondary" style={{ marginBottom: 4 }}>
                {t('home.dutyLine', { role: roleName(r), duty: t(`home.duty.${r}`) })}
              </Typography.Paragraph>
            ))}
          </Card>
        </Col>
        {coming.length > 0 && (
          <Col xs={24} lg={10}>
            <Card title={t('home.comingTitle')} data-testid="home-coming">
              <List
                size="small"
                dataSource={coming}
                renderItem={(r) => (
                  <List.Item>
                    <List.Item.Meta
                      avatar={<ClockCircleOutlined style={{ color: '#faad14' }} />}
                      title={
                        <>
                          {roleName(r)} <Tag color="gold">{t('home.comingTag')}</Tag>
                        </>
                      }
                      description={t(`home.coming.${r}`)}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Card title={t('home.shortcuts')} data-testid="home-shortcuts">
            <Row gutter={[12, 12]}>
              {shortcuts.map((s) => (
                <Col key={s.key} xs={24} sm={12} md={8} xl={6}>
                  <Link to={s.path} data-testid={`shortcut-${s.key}`}>
                    <Card size="small" hoverable>
                      <Card.Meta avatar={<span style={{ fontSize: 22, color: '#1677ff' }}>{s.icon}</span>} title={t(s.label)} description={t(`home.desc.${s.key}`)} />
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
