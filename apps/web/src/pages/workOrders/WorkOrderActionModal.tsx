import { maxExtensionWorkingDays, staffActsForRequester, workOrderActionRequest, type WorkOrderActionName } from '@zhiyuan/core';
import { Alert, App, Descriptions, Form, Input, InputNumber, Modal, Radio, Rate } from 'antd';
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { workOrdersApi, type WorkOrderActionRequest, type WorkOrderDetail } from '../../api/workOrders';
import { ApiError } from '../../api/client';
import { useShowError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { blankToUndefined } from '../../lib/rules';
import { AttachmentUploader, uploadedIds, uploadsSettledRule, type UploadValue } from './Attachments';
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { AssigneeSelect, WorkOrderSelect } from './pickers';
import { useWorkOrderLabels } from './workOrderLabels';

type Values = {
  note?: string;
  content?: string;
  attachments?: UploadValue;
  departmentId?: string;
  assigneeId?: string;
  coHandlerDepartmentIds?: string[];
  solved?: boolean;
  score?: number;
  comment?: string;
  reason?: string;
  nextStep?: string;
  to?: string;
  intoOrderId?: string;
  workingDays?: number;
  approved?: boolean;
};

/** Actions that end the order for good (or close it without the requester): asked twice. */
export const finalActions: readonly WorkOrderActionName[] = ['merge', 'refer', 'decline', 'withdraw', 'close'];

/** The action's request from the form's values (the contract's shape, validated by the server). */
function toRequest(action: WorkOrderActionName, v: Values, order: WorkOrderDetail): WorkOrderActionRequest {
  const text = (s: string | undefined) => blankToUndefined(s);
  switch (action) {
    case 'accept':
    case 'start':
      return { action, note: text(v.note) };
    case 'assign':
      return {
        action,
        departmentId: v.departmentId || undefined,
        assigneeId: v.assigneeId || undefined,
        coHandlerDepartmentIds: v.coHandlerDepartmentIds?.length ? v.coHandlerDepartmentIds : undefined,
        note: text(v.note),
      };
    case 'reply':
    case 'note':
    case 'addInfo':
      return { action, content: (v.content ?? '').trim(), attachmentIds: uploadedIds(v.attachments) };
    case 'confirm':
      return { action, solved: v.solved ?? true, comment: text(v.comment) };
    case 'rate':
      return { action, score: v.score ?? 0, comment: text(v.comment) };
    case 'reopen':
    case 'close':
      return { action, reason: text(v.reason) };
    case 'supervise':
    case 'withdraw':
      return { action, reason: (v.reason ?? '').trim() };
    case 'merge':
      return { action, intoOrderId: v.intoOrderId ?? '', reason: (v.reason ?? '').trim(), nextStep: text(v.nextStep) };
    case 'refer':
      return { action, reason: (v.reason ?? '').trim(), nextStep: (v.nextStep ?? '').trim(), to: text(v.to) };
    case 'decline':
      return { action, reason: (v.reason ?? '').trim(), nextStep: (v.nextStep ?? '').trim() };
    case 'requestExtension':
      return { action, workingDays: v.workingDays ?? 0, reason: (v.reason ?? '').trim() };
    case 'decideExtension':
      return { action, extensionId: order.extensions.find((x) => x.status === 'pending')?.id ?? '', approved: v.approved ?? true, comment: text(v.comment) };
  }
}

const reasonRules = (t: TFunction) => [
  { required: true, whitespace: true, message: t('workOrders.actionForm.reasonRequired') },
  { min: 2, message: t('workOrders.actionForm.reasonShort') },
];
const nextStepRules = (t: TFunction) => [
  { required: true, whitespace: true, message: t('workOrders.actionForm.nextStepRequired') },
  { min: 2, message: t('workOrders.actionForm.nextStepShort') },
];

function TextWithFiles({ label, placeholder, testId }: { label: string; placeholder?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="content" label={label} rules={[{ required: true, whitespace: true, message: t('workOrders.actionForm.contentRequired') }]}>
        <Input.TextArea rows={5} maxLength={5000} showCount placeholder={placeholder} autoFocus data-testid={testId} />
      </Form.Item>
      <Form.Item name="attachments" label={t('workOrders.field.attachments')} rules={[uploadsSettledRule(t)]}>
        <AttachmentUploader data-testid="action-attachments" />
      </Form.Item>
    </>
  );
}

function Fields({ action, order, side }: { action: WorkOrderActionName; order: WorkOrderDetail; side: 'staff' | 'requester' }) {
  const { t } = useTranslation();
  const leadDepartment = Form.useWatch<string | undefined>('departmentId');
  const optionalNote = (
    <Form.Item name="note" label={t('workOrders.actionForm.noteOptional')}>
      <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-note" />
    </Form.Item>
  );
  switch (action) {
    case 'accept':
    case 'start':
      return optionalNote;
    case 'assign':
      return (
        <>
          {order.departmentId || order.assigneeId ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.transferNote')} /> : null}
          <Form.Item
            name="departmentId"
            label={t('workOrders.actionForm.leadDepartment')}
            dependencies={['assigneeId']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v) => (v || getFieldValue('assigneeId') ? Promise.resolve() : Promise.reject(new Error(t('workOrders.actionForm.assignTarget')))),
              }),
            ]}
          >
            <DepartmentSelect data-testid="action-department" />
          </Form.Item>
          <Form.Item name="assigneeId" label={t('workOrders.field.assignee')} extra={t('workOrders.actionForm.assigneeHint')}>
            <AssigneeSelect
              orderId={order.id}
              departmentId={leadDepartment}
              current={order.assigneeId ? { id: order.assigneeId, name: order.assigneeName ?? '…' } : undefined}
              data-testid="action-assignee"
            />
          </Form.Item>
          <Form.Item name="coHandlerDepartmentIds" label={t('workOrders.field.coHandlers')} extra={t('workOrders.actionForm.coHandlersHint')}>
            <DepartmentSelect multiple exclude={leadDepartment ? [leadDepartment] : []} data-testid="action-co-handlers" />
          </Form.Item>
          {optionalNote}
        </>
      );
    case 'reply':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.replyNote')} />
          <TextWithFiles label={t('workOrders.actionForm.replyContent')} testId="action-content" />
        </>
      );
    case 'note':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.noteInternal')} />
          <TextWithFiles label={t('workOrders.actionForm.noteContent')} testId="action-content" />
        </>
      );
    case 'addInfo':
      return (
        <>
          {side === 'staff' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.onBehalfNote')} />}
          <TextWithFiles label={t('workOrders.actionForm.addInfoContent')} placeholder={t('workOrders.actionForm.addInfoPlaceholder')} testId="action-content" />
        </>
      );
    case 'confirm':
      return (
        <>
          {side === 'staff' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.onBehalfNote')} />}
          <Form.Item name="solved" label={t('workOrders.actionForm.solvedQuestion')} rules={[{ required: true, message: t('workOrders.actionForm.solvedRequired') }]}>
            <Radio.Group data-testid="action-solved">
              <Radio value={true} data-testid="action-solved-yes">
                {t('workOrders.actionForm.solvedYes')}
              </Radio>
              <Radio value={false} data-testid="action-solved-no">
                {t('workOrders.actionForm.solvedNo')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="comment" label={t('workOrders.actionForm.commentOptional')} extra={t('workOrders.actionForm.notSolvedHint')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-comment" />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <>
          {side === 'staff' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.onBehalfNote')} />}
          <Form.Item name="score" label={t('workOrders.actionForm.score')} rules={[{ required: true, message: t('workOrders.actionForm.scoreRequired') }]}>
            <Rate tooltips={[1, 2, 3, 4, 5].map((n) => t(`workOrders.rating.${n}`))} data-testid="action-score" />
          </Form.Item>
          <Form.Item name="comment" label={t('workOrders.actionForm.commentOptional')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-comment" />
          </Form.Item>
        </>
      );
    case 'reopen':
    case 'close':
      return (
        <>
          <Alert type={action === 'close' ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} message={t(`workOrders.actionForm.${action}Note`)} />
          <Form.Item name="reason" label={t('workOrders.actionForm.reasonOptional')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-reason" />
          </Form.Item>
        </>
      );
    case 'supervise':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.superviseNote')} />
          <Form.Item name="reason" label={t('workOrders.field.reason')} rules={reasonRules(t)}>
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="action-reason" />
          </Form.Item>
        </>
      );
    case 'withdraw':
      return (
        <>
          {side === 'staff' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.onBehalfNote')} />}
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.withdrawNote')} />
          <Form.Item name="reason" label={t('workOrders.actionForm.withdrawReason')} rules={reasonRules(t)}>
            <Input.TextArea rows={3} maxLength={500} showCount autoFocus placeholder={t('workOrders.actionForm.withdrawReasonPlaceholder')} data-testid="action-reason" />
          </Form.Item>
        </>
      );
    case 'merge':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.mergeNote')} />
          <Form.Item name="intoOrderId" label={t('workOrders.actionForm.mergeInto')} rules={[{ required: true, message: t('workOrders.actionForm.mergeIntoRequired') }]}>
            <WorkOrderSelect excludeId={order.id} data-testid="action-merge-into" />
          </Form.Item>
          <Form.Item name="reason" label={t('workOrders.field.reason')} rules={reasonRules(t)}>
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('workOrders.actionForm.mergeReasonPlaceholder')} data-testid="action-reason" />
          </Form.Item>
          <Form.Item name="nextStep" label={t('workOrders.actionForm.nextStepOptional')} extra={t('workOrders.actionForm.mergeNextStepHint')}>
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="action-next-step" />
          </Form.Item>
        </>
      );
    case 'refer':
    case 'decline':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t(`workOrders.actionForm.${action}Note`)} />
          {action === 'refer' && (
            <Form.Item name="to" label={t('workOrders.actionForm.referTo')}>
              <Input maxLength={100} placeholder={t('workOrders.actionForm.referToPlaceholder')} data-testid="action-refer-to" />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('workOrders.field.reason')} rules={reasonRules(t)}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-reason" />
          </Form.Item>
          <Form.Item name="nextStep" label={t('workOrders.field.nextStep')} rules={nextStepRules(t)} extra={t('workOrders.actionForm.nextStepHint')}>
            <Input.TextArea rows={2} maxLength={500} showCount data-testid="action-next-step" />
          </Form.Item>
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('workOrders.actionForm.extensionNote', { due: formatDateTime(order.resolveDueAt, 'minute') })} />
          <Form.Item
            name="workingDays"
            label={t('workOrders.actionForm.extensionDays')}
            rules={[{ required: true, message: t('workOrders.actionForm.extensionDaysRequired', { max: maxExtensionWorkingDays }) }]}
          >
            <InputNumber min={1} max={maxExtensionWorkingDays} precision={0} addonAfter={t('workOrders.workingDayUnit')} style={{ width: 200 }} data-testid="action-working-days" />
          </Form.Item>
          <Form.Item name="reason" label={t('workOrders.field.reason')} rules={reasonRules(t)}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-reason" />
          </Form.Item>
        </>
      );
    case 'decideExtension': {
      const pending = order.extensions.find((x) => x.status === 'pending');
      return (
        <>
          {pending && (
            <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="action-extension-request">
              <Descriptions.Item label={t('workOrders.extensions.requestedBy')}>
                {pending.requestedByName ?? '—'} · {formatDateTime(pending.requestedAt, 'minute')}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.timeline.extensionDays')}>{t('workOrders.workingDays', { count: pending.workingDays })}</Descriptions.Item>
              <Descriptions.Item label={t('workOrders.field.reason')}>{pending.reason}</Descriptions.Item>
              <Descriptions.Item label={t('workOrders.extensions.currentDue')}>{formatDateTime(order.resolveDueAt, 'minute')}</Descriptions.Item>
            </Descriptions>
          )}
          <Form.Item name="approved" label={t('workOrders.actionForm.decision')} rules={[{ required: true, message: t('workOrders.actionForm.decisionRequired') }]}>
            <Radio.Group data-testid="action-approved">
              <Radio value={true}>{t('workOrders.actionForm.approve')}</Radio>
              <Radio value={false}>{t('workOrders.actionForm.reject')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="comment" label={t('workOrders.actionForm.commentOptional')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-comment" />
          </Form.Item>
        </>
      );
    }
  }
}

type Props = {
  action: WorkOrderActionName | null;
  order: WorkOrderDetail;
  side: 'staff' | 'requester';
  onClose: () => void;
  onDone: (order: WorkOrderDetail, action: WorkOrderActionName) => void;
  /** After a refusal that says the order moved on (409): reload it. */
  onConflict?: () => void;
  /** Values to start from (e.g. solved: false when the requester clicked 未解决). */
  preset?: { solved?: boolean; score?: number };
};

/** One small form per action; what it sends is the contract's request, checked again by the server. */
export function WorkOrderActionModal(props: Props) {
  if (!props.action) return null;
  return <ActionModal {...props} action={props.action} />;
}

function ActionModal({ action, order, side, onClose, onDone, onConflict, preset }: Props & { action: WorkOrderActionName }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const labels = useWorkOrderLabels();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const formId = `action-${useId().replace(/:/g, '')}`;
  const [submitting, setSubmitting] = useState(false);
  const transfer = action === 'assign' && (order.status === 'assigned' || order.status === 'in_progress') && !!(order.departmentId || order.assigneeId);
  const title = transfer
    ? labels.event('transfer')
    : side === 'staff' && staffActsForRequester(action, order.channel)
      ? t('workOrders.onBehalf', { action: labels.action(action) })
      : labels.action(action);
  const initialValues: Partial<Values> =
    action === 'assign'
      ? { departmentId: order.departmentId ?? undefined, assigneeId: order.assigneeId ?? undefined, coHandlerDepartmentIds: order.coHandlers.map((c) => c.departmentId) }
      : { ...preset };

  const submit = async (v: Values) => {
    const body = toRequest(action, v, order);
    const checked = workOrderActionRequest.safeParse(body);
    if (!checked.success) {
      showError(new Error(checked.error.issues[0]?.message ?? t('common.unknownError')));
      return;
    }
    if (finalActions.includes(action)) {
      const ok = await modal.confirm({
        title: t('workOrders.actionForm.confirmTitle', { action: labels.action(action), number: order.number }),
        content: t(`workOrders.actionForm.confirm.${action}`),
        okText: labels.action(action),
        okButtonProps: { danger: true, 'data-testid': 'action-confirm-ok' },
        cancelText: t('common.cancel'),
      });
      // Cancelled: the form stays open with what was typed.
      if (!ok) return;
    }
    setSubmitting(true);
    try {
      const updated = await workOrdersApi.act(order.id, body);
      onDone(updated, action);
      onClose();
    } catch (e) {
      showError(e, form, { attachmentIds: 'attachments' });
      if (e instanceof ApiError && e.status === 409) onConflict?.();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={action === 'assign' || action === 'decideExtension' ? 600 : 560}
      destroyOnHidden
      maskClosable={false}
      okText={transfer ? labels.event('transfer') : labels.action(action)}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: submitting, danger: finalActions.includes(action), 'data-testid': 'modal-ok' }}
      cancelButtonProps={{ 'data-testid': 'modal-cancel' }}
    >
      <Form<Values>
        id={formId}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        preserve={false}
        data-testid={`action-form-${action}`}
        scrollToFirstError
        style={{ marginTop: 16 }}
      >
        <Fields action={action} order={order} side={side} />
      </Form>
    </Modal>
  );
}
