import { Card, Input, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndustries } from '../../api/reference';
import type { IndustryList as Industries } from '../../api/types';
import { useLanguage } from '../../i18n/LanguageContext';
import { useShowError } from '../../lib/errors';

type Section = Industries['sections'][number];
type Division = Industries['divisions'][number];

/** GB/T 4754-2017: sections (门类) with their divisions (大类). */
export function IndustryList() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const showError = useShowError();
  const data = useIndustries();
  const [q, setQ] = useState('');

  useEffect(() => {
    if (data.error) showError(data.error);
  }, [data.error, showError]);

  const bySection = useMemo(() => {
    const m = new Map<string, Division[]>();
    for (const d of data.data?.divisions ?? []) m.set(d.section, [...(m.get(d.section) ?? []), d]);
    return m;
  }, [data.data]);

  const needle = q.trim().toLowerCase();
  const match = (s: string) => s.toLowerCase().includes(needle);
  const sections = (data.data?.sections ?? []).filter(
    (s) => !needle || match(s.code) || match(s.nameZh) || match(s.nameEn) || (bySection.get(s.code) ?? []).some((d) => match(d.code) || match(d.nameZh)),
  );

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('reference.industriesIntro', { sections: data.data?.sections.length ?? 0, divisions: data.data?.divisions.length ?? 0 })}</Typography.Paragraph>
      <Input.Search allowClear placeholder={t('reference.industrySearch')} onChange={(e) => setQ(e.target.value)} style={{ width: 320, marginBottom: 12 }} data-testid="industry-search" />
      <Table<Section>
        rowKey="code"
        size="small"
        loading={data.isLoading}
        dataSource={sections}
        pagination={false}
        expandable={{
          expandedRowKeys: needle ? sections.map((s) => s.code) : undefined,
          expandedRowRender: (s) => (
            <Table<Division>
              rowKey="code"
              size="small"
              pagination={false}
              showHeader={false}
              dataSource={(bySection.get(s.code) ?? []).filter((d) => !needle || match(d.code) || match(d.nameZh) || match(s.nameZh) || match(s.code))}
              columns={[
                { dataIndex: 'code', width: 80 },
                { dataIndex: 'nameZh' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('reference.sectionCode'), dataIndex: 'code', width: 100 },
          { title: t('reference.sectionName'), dataIndex: lang === 'en' ? 'nameEn' : 'nameZh', render: (_v, s) => (lang === 'en' ? s.nameEn : s.nameZh) },
          { title: t('reference.divisionCount'), key: 'n', width: 120, align: 'right', render: (_v, s) => bySection.get(s.code)?.length ?? 0 },
        ]}
        data-testid="industry-table"
      />
    </Card>
  );
}
