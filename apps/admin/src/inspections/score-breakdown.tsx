import type { ChecklistDefinition, ChecklistScore, ItemResult } from '@zizhu/schema';
import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { CHECKLIST_VERSIONS_RESOURCE } from '../checks/checklist-api';
import type { ChecklistVersionRecord, InspectionRecord } from './inspection-api';

/**
 * 评分明细: each section's score and each item's share of its full score (or why it has
 * none), findings marked, the total last. A verification (核查) shows the school's
 * self-inspection beside it, item by item, so the county sees where the two disagree.
 */
export function ScoreBreakdown(_props: { source: string; label?: string }) {
  const record = useRecordContext<InspectionRecord>();
  const translate = useTranslate();
  const versionId = record?.versionId;
  const { data: version } = useGetOne<ChecklistVersionRecord>(CHECKLIST_VERSIONS_RESOURCE, { id: versionId ?? '' }, { enabled: versionId != null });
  const result = record?.result;
  if (!record || !result) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('zizhu.inspections.notSubmittedYet')}
      </Typography>
    );
  }
  const self = record.mode === 'verify' ? (record.selfResult ?? null) : null;
  const sections = sectionsOf(version?.definition, result);
  return (
    <Box sx={{ maxWidth: '100%', overflowX: 'auto' }}>
      <Table size="small" data-testid="score-breakdown" sx={{ '& td, & th': { px: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('zizhu.inspections.item')}</TableCell>
            <TableCell align="right">{translate('zizhu.inspections.thisInspection')}</TableCell>
            {self && <TableCell align="right">{translate('zizhu.inspections.selfInspection')}</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {sections.map((section) => (
            <SectionRows key={section.key} section={section} result={result} self={self} />
          ))}
          <TableRow data-testid="score-total">
            <TableCell sx={{ fontWeight: 600 }}>{translate('zizhu.inspections.total')}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>
              {scoreText(result.total)}
            </TableCell>
            {self && (
              <TableCell align="right" sx={{ fontWeight: 600 }}>
                {scoreText(self.total)}
              </TableCell>
            )}
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
}

interface SectionView {
  key: string;
  title: string;
  items: { key: string; label: string }[];
}

/** The sections and items in the checklist's order with their texts; the result's keys when the version cannot be read. */
function sectionsOf(definition: ChecklistDefinition | undefined, result: ChecklistScore): SectionView[] {
  if (definition) {
    return definition.sections.map((section) => ({ key: section.key, title: section.title, items: section.items.map((item) => ({ key: item.key, label: item.label })) }));
  }
  return result.sections.map((section) => ({
    key: section.key,
    title: section.key,
    items: result.items.filter((item) => item.section === section.key).map((item) => ({ key: item.key, label: item.key })),
  }));
}

function SectionRows({ section, result, self }: { section: SectionView; result: ChecklistScore; self: ChecklistScore | null }) {
  const sectionScore = (score: ChecklistScore | null) => score?.sections.find((s) => s.key === section.key)?.score ?? null;
  return (
    <>
      <TableRow sx={{ bgcolor: 'action.hover' }} data-testid={`score-section-${section.key}`}>
        <TableCell sx={{ fontWeight: 600 }}>{section.title}</TableCell>
        <TableCell align="right" sx={{ fontWeight: 600 }}>
          {scoreText(sectionScore(result))}
        </TableCell>
        {self && (
          <TableCell align="right" sx={{ fontWeight: 600 }}>
            {scoreText(sectionScore(self))}
          </TableCell>
        )}
      </TableRow>
      {section.items.map((item) => (
        <TableRow key={item.key} data-testid={`score-item-${item.key}`}>
          <TableCell sx={{ pl: 3, overflowWrap: 'anywhere' }}>{item.label}</TableCell>
          <TableCell align="right">
            <ItemCell result={result.items.find((r) => r.key === item.key)} />
          </TableCell>
          {self && (
            <TableCell align="right">
              <ItemCell result={self.items.find((r) => r.key === item.key)} />
            </TableCell>
          )}
        </TableRow>
      ))}
    </>
  );
}

const scoreText = (score: number | null | undefined): string => (score == null ? '—' : score.toFixed(1));

/** 100%, 不适用, 未显示 or 不计分, and 问题 when the answer raised a finding. */
function ItemCell({ result }: { result: ItemResult | undefined }) {
  const translate = useTranslate();
  if (!result) return <span>—</span>;
  let text: string;
  if (!result.visible) text = translate('zizhu.inspections.hidden');
  else if (!result.applicable) text = translate('zizhu.inspections.notApplicable');
  else if (result.fraction === null) text = translate('zizhu.inspections.notScored');
  else text = `${Math.round(result.fraction * 100)}%`;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}>
      {result.failed && <Chip size="small" color="error" label={translate('zizhu.inspections.finding')} />}
      <span>{text}</span>
    </Box>
  );
}
