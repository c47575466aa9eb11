import { EditOutlined } from '@ant-design/icons';
import { formatWan } from '@zhiyuan/core';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQualificationKindNames, type Enterprise } from '../../api/enterprises';
import { useParkNames } from '../../components/ParkTreeSelect';
import { useLanguage } from '../../i18n/LanguageContext';
import { formatDateTime } from '../../lib/format';
import { statusColors, useEnterpriseLabels, withUnit } from './enterpriseLabels';

type Props = { enterprise: Enterprise; onEdit?: () => void };

/** Registered capital in 万元 (亿元 from 10,000 万元 in Chinese). */
export function useMoney() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  return (v: number | null | undefined) => (v == null ? '—' : lang === 'en' ? `${formatWan(v, { unit: false, scale: 'wan' })} ${t('enterprises.unit.wan')}` : formatWan(v));
}

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

/** 基本信息: every field of the enterprise, grouped as in the form. */
export function EnterpriseProfile({ enterprise: e, onEdit }: Props) {
  const { t } = useTranslation();
  const labels = useEnterpriseLabels();
  const parkName = useParkNames();
  const kindName = useQualificationKindNames();
  const money = useMoney();
  const { lang } = useLanguage();
  const f = (k: string) => t(`enterprises.field.${k}`);
  const area = (v: number | null, tenure: string | null) => (v == null ? '—' : `${withUnit(v, t('enterprises.unit.sqm'))}${tenure ? t('enterprises.paren', { text: labels.tenure(tenure) }) : ''}`);
  const column = { xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 };
  const descProps = { bordered: true, size: 'small' as const, column, className: 'zy-desc-fixed', styles: { label: { width: lang === 'en' ? 180 : 150 } }, style: { marginBottom: 20 } };

  return (
    <Card
      data-testid="enterprise-profile"
      extra={
        onEdit && (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="enterprise-edit">
            {t('common.edit')}
          </Button>
        )
      }
      title={t('enterprises.group.basic')}
    >
      <Descriptions {...descProps}>
        <Descriptions.Item label={f('name')}>{e.name}</Descriptions.Item>
        <Descriptions.Item label={f('uscc')}>
          <Typography.Text className="zy-mono" copyable>
            {e.uscc}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={f('formerNames')}>{e.formerNames.length ? e.formerNames.join(t('enterprises.sep')) : '—'}</Descriptions.Item>
        <Descriptions.Item label={f('legalRepresentative')}>{dash(e.legalRepresentative)}</Descriptions.Item>
        <Descriptions.Item label={f('registeredCapital')}>{money(e.registeredCapital)}</Descriptions.Item>
        <Descriptions.Item label={f('establishedOn')}>{dash(e.establishedOn)}</Descriptions.Item>
        <Descriptions.Item label={f('parkId')}>{parkName(e.parkId)}</Descriptions.Item>
        <Descriptions.Item label={f('industryCode')} span={2}>
          {labels.industry(e.industryCode)}
          <Typography.Text type="secondary">{t('enterprises.paren', { text: `${e.industrySection} ${labels.sectionName(e.industrySection)}` })}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={f('registeredAddress')} span="filled">
          {dash(e.registeredAddress)}
        </Descriptions.Item>
        <Descriptions.Item label={f('operatingAddress')} span="filled">
          {dash(e.operatingAddress)}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('enterprises.group.business')}</Typography.Title>
      <Descriptions {...descProps}>
        <Descriptions.Item label={f('aboveScale')}>{labels.yesNo(e.aboveScale)}</Descriptions.Item>
        <Descriptions.Item label={f('headcount')}>{withUnit(e.headcount, t('enterprises.unit.people'), 0)}</Descriptions.Item>
        <Descriptions.Item label={f('emergingIndustry')}>{labels.emerging(e.emergingIndustry)}</Descriptions.Item>
        <Descriptions.Item label={f('listingStage')}>{labels.listingStage(e.listingStage)}</Descriptions.Item>
        <Descriptions.Item label={f('listingBoard')}>{labels.listingBoard(e.listingBoard)}</Descriptions.Item>
        <Descriptions.Item label={f('ticker')}>{e.ticker ? <span className="zy-mono">{e.ticker}</span> : '—'}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('enterprises.group.site')}</Typography.Title>
      <Descriptions {...descProps}>
        <Descriptions.Item label={f('landArea')}>{area(e.landArea, e.landTenure)}</Descriptions.Item>
        <Descriptions.Item label={f('floorArea')}>{area(e.floorArea, e.floorTenure)}</Descriptions.Item>
        <Descriptions.Item label={f('location')}>
          {e.location ? <span className="zy-mono">{t('enterprises.detail.lonLat', { lon: e.location[0], lat: e.location[1] })}</span> : '—'}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('enterprises.group.contacts')}</Typography.Title>
      <Table
        rowKey={(_c, i) => String(i)}
        size="small"
        bordered
        pagination={false}
        style={{ marginBottom: 20 }}
        dataSource={e.contacts}
        locale={{ emptyText: t('enterprises.detail.noContacts') }}
        data-testid="enterprise-contacts"
        columns={[
          {
            title: t('enterprises.form.contactName'),
            dataIndex: 'name',
            width: 180,
            render: (_d, c) => (
              <Space size={4}>
                {c.name}
                {c.primary && <Tag color="blue">{t('enterprises.detail.primary')}</Tag>}
              </Space>
            ),
          },
          { title: t('enterprises.form.contactTitle'), dataIndex: 'title', width: 160, render: (_d, c) => c.title ?? '—' },
          { title: t('enterprises.form.contactPhone'), dataIndex: 'phone', width: 180, render: (_d, c) => (c.phone ? <span className="zy-mono">{c.phone}</span> : '—') },
          { title: t('enterprises.form.contactEmail'), dataIndex: 'email', render: (_d, c) => c.email ?? '—' },
        ]}
      />

      <Typography.Title level={5}>
        {t('enterprises.group.record')}
      </Typography.Title>
      <Descriptions {...descProps} style={{ marginBottom: 0 }}>
        <Descriptions.Item label={f('serviceOfficerId')}>{dash(e.serviceOfficerName)}</Descriptions.Item>
        <Descriptions.Item label={f('tags')} span={2}>
          {e.tags.length ? (
            <Space size={[4, 4]} wrap>
              {e.tags.map((x) => (
                <Tag key={x} style={{ marginInlineEnd: 0 }}>
                  {x}
                </Tag>
              ))}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={f('status')}>
          <Tag color={statusColors[e.status]}>{labels.status(e.status)}</Tag>
          {e.statusSince && <Typography.Text type="secondary">{t('enterprises.detail.since', { date: e.statusSince })}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={f('qualificationKinds')} span={2}>
          {e.qualificationKinds.length ? (
            <Space size={[4, 4]} wrap>
              {e.qualificationKinds.map((k) => (
                <Tag key={k} color="geekblue" style={{ marginInlineEnd: 0 }}>
                  {kindName(k)}
                </Tag>
              ))}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={f('createdAt')}>{formatDateTime(e.createdAt, 'minute')}</Descriptions.Item>
        <Descriptions.Item label={f('updatedAt')}>{formatDateTime(e.updatedAt, 'minute')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
