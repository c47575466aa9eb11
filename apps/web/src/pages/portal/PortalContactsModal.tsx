import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { contact as contactSchema, type Contact } from '@zhiyuan/core';
import { Button, Card, Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { enterprisesApi, type Enterprise } from '../../api/enterprises';
import { FormModal } from '../../components/FormModal';
import { blankToUndefined, schemaRule } from '../../lib/rules';

type ContactValues = { name: string; title?: string; phone?: string; email?: string; primary?: boolean };
type Values = { registeredAddress?: string; operatingAddress?: string; contacts?: ContactValues[] };

type Props = { enterprise: Enterprise; open: boolean; onClose: () => void; onSaved: (e: Enterprise) => void };

const orNull = (v: string | null | undefined) => blankToUndefined(v) ?? null;

/** The only fields an enterprise edits itself: its addresses and contacts (PATCH with nothing else). */
export function PortalContactsModal({ enterprise, open, onClose, onSaved }: Props) {
  const { t } = useTranslation();

  const submit = async (v: Values) => {
    const contacts: Contact[] = (v.contacts ?? []).map((c) => ({
      name: c.name.trim(),
      title: orNull(c.title),
      phone: orNull(c.phone),
      email: orNull(c.email),
      primary: !!c.primary,
    }));
    onSaved(
      await enterprisesApi.update(enterprise.id, {
        registeredAddress: orNull(v.registeredAddress),
        operatingAddress: orNull(v.operatingAddress),
        contacts,
      }),
    );
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('portal.contactsEditTitle')}
      onClose={onClose}
      onSubmit={submit}
      width={760}
      testId="portal-contacts-form"
      initialValues={{
        registeredAddress: enterprise.registeredAddress ?? '',
        operatingAddress: enterprise.operatingAddress ?? '',
        contacts: enterprise.contacts.map((c) => ({ name: c.name, title: c.title ?? '', phone: c.phone ?? '', email: c.email ?? '', primary: !!c.primary })),
      }}
    >
      <Form.Item name="registeredAddress" label={t('enterprises.field.registeredAddress')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="portal-registered-address" />
      </Form.Item>
      <Form.Item name="operatingAddress" label={t('enterprises.field.operatingAddress')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="portal-operating-address" />
      </Form.Item>
      <Form.List name="contacts">
        {(fields, { add, remove }) => (
          <Form.Item label={t('enterprises.field.contacts')} style={{ marginBottom: 0 }}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('portal.contactN', { n: i + 1 })}
                extra={
                  <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} data-testid={`portal-contact-remove-${i}`}>
                    {t('enterprises.form.removeContact')}
                  </Button>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[f.name, 'name']} label={t('enterprises.form.contactName')} rules={[{ required: true, whitespace: true, message: t('enterprises.form.contactNameRequired') }, { max: 32 }]}>
                      <Input maxLength={32} data-testid={`portal-contact-name-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[f.name, 'title']} label={t('enterprises.form.contactTitle')} rules={[{ max: 32 }]}>
                      <Input maxLength={32} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[f.name, 'phone']} label={t('enterprises.form.contactPhone')} rules={[schemaRule(contactSchema.shape.phone, t('enterprises.form.contactPhoneInvalid'))]}>
                      <Input maxLength={20} data-testid={`portal-contact-phone-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[f.name, 'email']} label={t('enterprises.form.contactEmail')} rules={[schemaRule(contactSchema.shape.email, t('enterprises.form.contactEmailInvalid'))]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item name={[f.name, 'primary']} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox>{t('enterprises.form.contactPrimary')}</Checkbox>
                </Form.Item>
              </Card>
            ))}
            {fields.length < 20 && (
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', primary: fields.length === 0 })} data-testid="portal-contact-add">
                {t('enterprises.form.addContact')}
              </Button>
            )}
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
