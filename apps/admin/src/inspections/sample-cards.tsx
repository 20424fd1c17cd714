import { configuredFieldSchema, formatYuan, type ChecklistItem, type InspectionSample } from '@zizhu/schema';
import { Box, Card, CardContent, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { FieldInput } from '../schema/field-input';
import { itemPaths } from './fill-answers';

/**
 * A sample item: one card per aid recipient drawn when the inspection started (name masked,
 * program and amount paid), each asking the item's questions through the generic inputs.
 */
export function SampleCards({ item, sample }: { item: ChecklistItem; sample: InspectionSample | undefined }) {
  const translate = useTranslate();
  const questions = useMemo(() => (item.sample?.questions ?? []).map((question) => configuredFieldSchema(question)), [item.sample]);
  const students = sample?.students ?? [];
  if (students.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zizhu.inspections.noSample')}
      </Typography>
    );
  }
  const paths = itemPaths(item.key);
  return (
    <Box data-testid={`sample-${item.key}`}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('zizhu.inspections.sampled', { year: sample?.year, term: translate(`zizhu.inspections.${sample?.term ?? 'spring'}`), count: students.length })}
      </Typography>
      <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
        {students.map((student) => (
          <Card key={student.studentId} variant="outlined" data-testid={`sampled-student-${student.studentId}`}>
            <CardContent sx={{ pb: 1 }}>
              <Typography variant="subtitle1" component="div">
                {student.name}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
                {translate('zizhu.inspections.amountPaid', { program: student.programName, amount: formatYuan(student.amountPaid, { grouped: true }) })}
              </Typography>
              {questions.map((question) => (
                <FieldInput key={question.key} field={question} mode="create" source={paths.sampleAnswer(student.studentId, question.key)} configured />
              ))}
            </CardContent>
          </Card>
        ))}
      </Box>
    </Box>
  );
}
