import { EditOutlined, FormOutlined } from '@ant-design/icons';
import { formatWan, type ChangeRequest, type Qualification } from '@zhiyuan/core';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useEnterprise,
  useEnterpriseChangeRequests,
  useEnterpriseInvalidation,
  useQualificationKindNames,
  useQualifications,
  type Enterprise,
} from '../../api/enterprises';
import { useParks } from '../../api/parks';
import { useAuth, useUser } from '../../auth/AuthContext';
import { Page } from '../../components/Page';
import { useParkNames } from '../../components/ParkTreeSelect';
import { formatDate, formatDateTime } from '../../lib/format';
import { rowTestId } from '../../lib/table';
import { ChangeLines, changeStatusColor } from '../enterprises/ChangeRequestsPageLines';
import { statusColors, useEnterpriseLabels, withUnit } from '../enterprises/enterpriseLabels';
import { PortalChangeRequestModal } from './PortalChangeRequestModal';
import { PortalContactsModal } from './PortalContactsModal';
import { PortalNoEnterprise } from './PortalNoEnterprise';

/**
 * 我的企业: the enterprise user's own profile. Everything is read-only except addresses and
 * contacts; key fields change through a request park staff approve. The id is the session's
 * enterpriseId — never one from the URL — so nothing here can reach another enterprise.
 */
export function PortalEnterprisePage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.enterpriseId) {
    return <PortalNoEnterprise title={t('portal.nav')} />;
  }
  return <PortalContent enterpriseId={user.enterpriseId} />;
}

function PortalContent({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const enterprise = useEnterprise(enterpriseId);
  const requests = useEnterpriseChangeRequests(enterpriseId, { pageSize: 50 });
  const invalidate = useEnterpriseInvalidation();
  const parks = useParks(can('park.read'));
  const parksKnown = !!parks.data;
  const parkName = useParkNames(can('park.read'));
  const [editing, setEditing] = useState(false);
  const [requesting, setRequesting] = useState(false);

  const e = enterprise.data;
  if (enterprise.error) {
    const notFound = enterprise.error instanceof ApiError && enterprise.error.status === 404;
    return (
      <Page title={t('portal.nav')}>
        <Result status={notFound ? '404' : 'error'} title={notFound ? t('portal.notFound') : enterprise.error.message} />
      </Page>
    );
  }
  if (!e) {
    return (
      <Page title={t('portal.nav')}>
        <Card loading />
      </Page>
    );
  }

  const pending = (requests.data?.items ?? []).find((r) => r.status === 'pending');
  const canRequest = can('enterprise.requestChange');

  return (
    <Page title={t('portal.nav')} subTitle={<span data-testid="portal-enterprise-name">{e.name}</span>}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('portal.readOnlyNote')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            title={t('portal.profile')}
            data-testid="portal-profile"
            extra={
              canRequest && (
                <Tooltip title={pending ? t('portal.request.pendingExists') : undefined}>
                  <Button icon={<FormOutlined />} disabled={!!pending} onClick={() => setRequesting(true)} data-testid="portal-request-change">
                    {t('portal.request.button')}
                  </Button>
                </Tooltip>
              )
            }
          >
            <Profile enterprise={e} parkText={e.parkName} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card
            title={t('portal.contactsTitle')}
            data-testid="portal-contacts"
            extra={
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="portal-edit-contacts">
                {t('portal.editContacts')}
              </Button>
            }
          >
            <Contacts enterprise={e} />
          </Card>
        </Col>
        <Col span={24}>
          <Qualifications enterpriseId={enterpriseId} />
        </Col>
        <Col span={24}>
          <Card title={t('portal.requests.title')} data-testid="portal-requests">
            {pending && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('portal.request.pendingExists')} />}
            <Table<ChangeRequest>
              size="small"
              rowKey="id"
              loading={requests.isLoading}
              dataSource={requests.data?.items ?? []}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.requests.empty')} /> }}
              onRow={(r) => rowTestId('portal-request', r.id)}
              scroll={{ x: 900 }}
              columns={[
                { title: t('portal.requests.requestedAt'), dataIndex: 'requestedAt', width: 150, render: (v: string) => formatDateTime(v, 'minute') },
                { title: t('portal.requests.changes'), key: 'changes', render: (_v, r) => <ChangeLines request={r} parkName={parksKnown ? parkName : undefined} /> },
                { title: t('portal.requests.reason'), dataIndex: 'reason', width: 220, render: (v: string) => <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, tooltip: v }}>{v}</Typography.Paragraph> },
                {
                  title: t('portal.requests.status'),
                  dataIndex: 'status',
                  width: 240,
                  render: (_v, r) => (
                    <Space direction="vertical" size={2}>
                      <Tag color={changeStatusColor[r.status]} data-testid="portal-request-status">
                        {t(`enterpriseAdmin.changes.statusText.${r.status}`)}
                      </Tag>
                      {r.decidedAt && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.decidedBy ?? '—'} · {formatDateTime(r.decidedAt, 'minute')}
                        </Typography.Text>
                      )}
                      {r.comment && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('enterpriseAdmin.changes.commentValue', { comment: r.comment })}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {editing && (
        <PortalContactsModal
          enterprise={e}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => {
            void message.success(t('common.saved'));
            void invalidate.enterprise(e.id);
          }}
        />
      )}
      {requesting && (
        <PortalChangeRequestModal
          enterprise={e}
          open={requesting}
          parksKnown={parksKnown}
          parkName={parkName}
          onClose={() => setRequesting(false)}
          onSaved={() => {
            void message.success(t('portal.request.submitted'));
            void invalidate.enterprise(e.id);
          }}
        />
      )}
    </Page>
  );
}

function Profile({ enterprise: e, parkText }: { enterprise: Enterprise; parkText: string }) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  const kindName = useQualificationKindNames();
  const listing = [labels.listingStage(e.listingStage), e.listingBoard ? labels.listingBoard(e.listingBoard) : null, e.ticker].filter(Boolean).join(' · ');
  const area = (n: number | null, tenure: string | null) => (n == null ? '—' : `${withUnit(n, t('enterprises.unit.sqm'))}${tenure ? `（${labels.tenure(tenure)}）` : ''}`);
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 3 }} bordered data-testid="portal-profile-fields">
      <Descriptions.Item label={t('enterprises.field.name')} span={2}>
        {e.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.uscc')}>
        <span className="zy-mono">{e.uscc}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.status')}>
        <Tag color={statusColors[e.status]}>{labels.status(e.status)}</Tag>
        {e.statusSince && <Typography.Text type="secondary">{formatDate(e.statusSince)}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.parkId')}>{parkText}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.industryCode')}>{labels.industry(e.industryCode)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.formerNames')}>{e.formerNames.length ? e.formerNames.join('；') : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.legalRepresentative')}>{e.legalRepresentative ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.registeredCapital')}>{formatWan(e.registeredCapital)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.establishedOn')}>{formatDate(e.establishedOn)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.emergingIndustry')}>{labels.emerging(e.emergingIndustry)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.aboveScale')}>{labels.yesNo(e.aboveScale)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.listingStage')}>{listing || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.headcount')}>{withUnit(e.headcount, t('enterprises.unit.people'), 0)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.landArea')}>{area(e.landArea, e.landTenure)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.floorArea')}>{area(e.floorArea, e.floorTenure)}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.serviceOfficerId')}>{e.serviceOfficerName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.qualificationKinds')}>
        {e.qualificationKinds.length ? (
          <Space size={[4, 4]} wrap>
            {e.qualificationKinds.map((k) => (
              <Tag key={k} color="blue">
                {kindName(k)}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.field.tags')} span={2}>
        {e.tags.length ? (
          <Space size={[4, 4]} wrap>
            {e.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Contacts({ enterprise: e }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('enterprises.field.registeredAddress')}>
          <span data-testid="portal-registered-address-value">{e.registeredAddress ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('enterprises.field.operatingAddress')}>
          <span data-testid="portal-operating-address-value">{e.operatingAddress ?? '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        bordered
        header={<Typography.Text strong>{t('enterprises.field.contacts')}</Typography.Text>}
        dataSource={e.contacts}
        locale={{ emptyText: t('portal.noContacts') }}
        data-testid="portal-contact-list"
        renderItem={(c) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space size={6}>
                  {c.name}
                  {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
                  {c.primary && <Tag color="blue">{t('enterprises.form.contactPrimary')}</Tag>}
                </Space>
              }
              description={[c.phone, c.email].filter(Boolean).join(' · ') || '—'}
            />
          </List.Item>
        )}
      />
    </>
  );
}

function Qualifications({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const quals = useQualifications(enterpriseId);
  return (
    <Card title={t('portal.qualifications')} data-testid="portal-qualifications">
      <Table<Qualification>
        size="small"
        rowKey="id"
        loading={quals.isLoading}
        dataSource={quals.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.noQualifications')} /> }}
        columns={[
          { title: t('enterprises.qualification.kind'), dataIndex: 'kindName' },
          { title: t('enterprises.qualification.certificateNo'), dataIndex: 'certificateNo', render: (v: string | null) => v ?? '—' },
          { title: t('enterprises.qualification.issuer'), dataIndex: 'issuer', render: (v: string | null) => v ?? '—' },
          {
            title: t('enterprises.qualification.validity'),
            key: 'validity',
            render: (_v, q) => `${formatDate(q.validFrom)} ~ ${q.validTo ? formatDate(q.validTo) : t('enterprises.qualification.longTerm')}`,
          },
        ]}
      />
    </Card>
  );
}
