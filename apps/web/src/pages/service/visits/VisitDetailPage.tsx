import { ArrowLeftOutlined, CheckCircleFilled, EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import type { VisitProblem } from '@zhiyuan/core';
import { App, Button, Card, Descriptions, Empty, Form, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useVisit, useVisitInvalidation, visitsApi } from '../../../api/visits';
import { useAuth } from '../../../auth/AuthContext';
import { FormModal } from '../../../components/FormModal';
import { PageLoading, useMissingRecord } from '../../../components/DetailPage';
import { Page } from '../../../components/Page';
import { NotFoundPage } from '../../NotFoundPage';
import { formatDateTime } from '../../../lib/format';
import { workOrderPath } from '../common/OrderCells';
import { CancelVisitModal } from './CancelVisitModal';
import { ProblemOrderModal } from './ProblemOrderModal';
import { TopicTags, VisitDate, VisitStatusTag } from './VisitCells';
import { VisitPlanModal } from './VisitPlanModal';
import { VisitRecordModal } from './VisitRecordModal';

type Dialog = 'plan' | 'record' | 'cancel' | 'problem' | null;

function ProblemItem({ problem, index, canConvert, onConvert }: { problem: VisitProblem; index: number; canConvert: boolean; onConvert: () => void }) {
  const { t } = useTranslation();
  const converted = !!problem.workOrderId;
  return (
    <List.Item
      data-testid={`problem-${index}`}
      actions={[
        converted ? (
          <Space key="order" size={8}>
            <Link to={workOrderPath(problem.workOrderId!)} className="zy-mono" data-testid={`problem-order-${index}`}>
              {problem.workOrderNumber}
            </Link>
            <Button size="small" icon={<CheckCircleFilled />} disabled data-testid={`problem-convert-${index}`}>
              {t('visits.toOrder.done')}
            </Button>
          </Space>
        ) : canConvert ? (
          <Button key="convert" size="small" type="primary" ghost icon={<SwapOutlined />} onClick={onConvert} data-testid={`problem-convert-${index}`}>
            {t('visits.toOrder.button')}
          </Button>
        ) : (
          <Tag key="none">{t('visits.toOrder.notYet')}</Tag>
        ),
      ]}
    >
      <List.Item.Meta avatar={<Tag color={converted ? 'success' : 'orange'}>{index + 1}</Tag>} description={<span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }}>{problem.text}</span>} />
    </List.Item>
  );
}

/** 走访详情: the record, and each problem found with its one-click work order. */
export function VisitDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const invalidate = useVisitInvalidation();
  const navigate = useNavigate();
  const query = useVisit(id);
  const v = query.data;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [converting, setConverting] = useState<VisitProblem | null>(null);
  const missing = useMissingRecord(query.error);
  const writable = can('visit.write');

  const saved = (text: string) => {
    void message.success(text);
    void invalidate();
  };

  if (missing) return <NotFoundPage message={t('visits.detail.notFound')} backTo="/service/visits" backLabel={t('visits.detail.back')} />;
  if (!v) return <PageLoading title={t('visits.title')} loading={query.isLoading} />;

  const planned = v.status === 'planned';
  return (
    <Page
      title={t('visits.detail.title', { name: v.enterpriseName })}
      subTitle={<VisitStatusTag visit={v} />}
      testId="visit-detail"
      extra={
        <Space wrap>
          <Link to="/service/visits">
            <Button icon={<ArrowLeftOutlined />}>{t('visits.detail.back')}</Button>
          </Link>
          {writable && planned && (
            <>
              <Button danger onClick={() => setDialog('cancel')} data-testid="visit-cancel">
                {t('visits.cancel.action')}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setDialog('plan')} data-testid="visit-edit-plan">
                {t('visits.plan.edit')}
              </Button>
              <Button type="primary" onClick={() => setDialog('record')} data-testid="visit-record">
                {t('visits.record.action')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="visit-descriptions">
            <Descriptions.Item label={t('visits.field.enterprise')}>
              <Link to={`/enterprises/${v.enterpriseId}`}>{v.enterpriseName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.col.park')}>{v.parkName}</Descriptions.Item>
            <Descriptions.Item label={t('visits.field.officer')}>{v.officerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('visits.field.plannedOn')}>{planned ? <VisitDate visit={v} /> : (v.plannedOn ?? '—')}</Descriptions.Item>
            <Descriptions.Item label={t('visits.field.visitedOn')}>{v.visitedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('visits.detail.created')}>
              {v.createdByName ?? '—'} {formatDateTime(v.createdAt, 'minute')}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.field.people')} span={3}>
              {v.people.length ? v.people.join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.field.topics')} span={3}>
              <TopicTags topics={v.topics} max={20} />
            </Descriptions.Item>
            <Descriptions.Item label={t('visits.field.notes')} span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{v.notes || '—'}</span>
            </Descriptions.Item>
            {v.status === 'cancelled' && (
              <Descriptions.Item label={t('visits.cancel.reason')} span={3}>
                {v.cancelReason ?? '—'}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>

        <Card
          size="small"
          title={t('visits.detail.problems', { count: v.problems.length })}
          extra={
            writable &&
            v.status === 'done' && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog('problem')} data-testid="visit-add-problem">
                {t('visits.addProblem')}
              </Button>
            )
          }
          data-testid="visit-problems"
        >
          {v.problems.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={v.status === 'done' ? t('visits.detail.noProblems') : t('visits.detail.problemsAfterVisit')} />
          ) : (
            <List<VisitProblem>
              dataSource={v.problems}
              renderItem={(p, i) => <ProblemItem problem={p} index={i} canConvert={writable} onConvert={() => setConverting(p)} />}
            />
          )}
        </Card>
      </Space>

      <VisitPlanModal open={dialog === 'plan'} visit={v} onClose={() => setDialog(null)} onSaved={(x) => saved(t('visits.plan.saved', { name: x.enterpriseName, date: x.plannedOn }))} />
      <VisitRecordModal open={dialog === 'record'} visit={v} onClose={() => setDialog(null)} onSaved={(x) => saved(t('visits.record.saved', { name: x.enterpriseName }))} />
      <CancelVisitModal visit={dialog === 'cancel' ? v : null} onClose={() => setDialog(null)} onDone={(x) => saved(t('visits.cancel.done', { name: x.enterpriseName }))} />
      <FormModal<{ text: string }>
        open={dialog === 'problem'}
        title={t('visits.addProblem')}
        onClose={() => setDialog(null)}
        testId="visit-problem-form"
        onSubmit={async (x) => {
          await visitsApi.addProblem(v.id, { text: x.text.trim() });
          saved(t('common.saved'));
        }}
      >
        <Form.Item
          name="text"
          label={t('visits.field.problem')}
          rules={[
            { required: true, whitespace: true, message: t('visits.required.problem') },
            { max: 1000, message: t('visits.tooLong', { max: 1000 }) },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={1000} autoFocus data-testid="visit-problem-text" />
        </Form.Item>
      </FormModal>
      <ProblemOrderModal
        target={converting ? { visitId: v.id, problem: converting } : null}
        onClose={() => setConverting(null)}
        onCreated={(order) => {
          // The message renders outside the router: a plain link that navigates in the app.
          void message.success(
            <span>
              {t('visits.toOrder.created', { number: order.number })}{' '}
              <a
                href={workOrderPath(order.id)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(workOrderPath(order.id));
                }}
              >
                {t('visits.toOrder.open')}
              </a>
            </span>,
          );
          void invalidate();
        }}
      />
    </Page>
  );
}

