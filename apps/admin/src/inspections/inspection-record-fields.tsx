import { formatYuan, type InspectionAnswers } from '@zizhu/schema';
import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { languageOf } from '../providers/locales';
import type { InspectionRecord } from './inspection-api';

/*
 * What an inspection's page shows of its JSON columns instead of raw JSON: how much was
 * answered, the frozen data values with the inspector's word on each, and who was sampled
 * (or why there is none: not started yet, or the checklist has none).
 */

/** `source` and `label` are read by the page's layout. */
interface RecordFieldProps {
  source: string;
  label?: string;
}

/** 已填写 N 项. */
export function AnswersSummary(_props: RecordFieldProps) {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const answers: Partial<InspectionAnswers> = record.answers ?? {};
  const count =
    Object.keys(answers.values ?? {}).length +
    (answers.notApplicable?.length ?? 0) +
    Object.keys(answers.dataChecks ?? {}).length +
    Object.keys(answers.sampleAnswers ?? {}).length;
  return <Typography variant="body2">{translate('zizhu.inspections.answeredSummary', { count })}</Typography>;
}

/** Each frozen data value, with 确认无误 or the discrepancy found. */
export function DataValuesField(_props: RecordFieldProps) {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const language = languageOf(locale);
  const entries = Object.entries(record?.dataValues ?? {});
  if (!record) return null;
  if (!entries.length) return <NothingYet record={record} before="frozenAtStart" none="noDataItems" />;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="data-values">
      {entries.map(([key, frozen]) => {
        const check = record?.answers?.dataChecks?.[key];
        const value = frozen.value === null ? translate('zizhu.inspections.noValue') : `${frozen.value.toLocaleString(locale)} ${frozen.unit[language]}`;
        let verdict = '';
        if (check?.confirmed === true) verdict = translate('zizhu.inspections.confirm');
        else if (check?.confirmed === false) {
          const observed = typeof check.observed === 'number' ? `：${check.observed.toLocaleString(locale)} ${frozen.unit[language]}` : '';
          verdict = `${translate('zizhu.inspections.discrepancy')}${observed}${check.note ? `（${check.note}）` : ''}`;
        }
        return (
          <Typography component="li" variant="body2" key={key}>
            {frozen.label[language]}：{value}
            {verdict && ` — ${verdict}`}
          </Typography>
        );
      })}
    </Box>
  );
}

/** Each sample item's drawn students (masked names, program, amount paid). */
export function SamplesField(_props: RecordFieldProps) {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  const samples = record?.samples ?? [];
  if (!record) return null;
  if (!samples.length) return <NothingYet record={record} before="drawnAtStart" none="noSamples" />;
  return (
    <Box data-testid="samples">
      {samples.map((sample) => (
        <Box key={sample.itemKey} sx={{ mb: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('zizhu.inspections.sampled', { year: sample.year, term: translate(`zizhu.inspections.${sample.term}`), count: sample.students.length })}
          </Typography>
          <Typography variant="body2">
            {sample.students
              .map((student) => `${student.name}（${translate('zizhu.inspections.amountPaid', { program: student.programName, amount: formatYuan(student.amountPaid, { grouped: true }) })}）`)
              .join('；')}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** What an empty column says: it is filled when the inspection starts, or the checklist asks for none. */
function NothingYet({ record, before, none }: { record: InspectionRecord; before: string; none: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate(`zizhu.inspections.${record.status === 'planned' ? before : none}`)}
    </Typography>
  );
}
