import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { compareStages, type SummaryCounts, type SummaryNode } from '@zizhu/schema';
import { LinkBase, useTranslate } from 'react-admin';
import { summaryPath } from './summary-api';

const COUNT_KEYS: readonly (keyof SummaryCounts)[] = ['studentsCompared', 'studentsFound', 'matched', 'questionable', 'marked', 'unmatched'];
const number = (n: number) => n.toLocaleString('zh-CN');

/** The children of a node, one line each; regions link one level down, schools are leaves. */
export function ChildrenTable({ runId, nodes }: { runId: string; nodes: SummaryNode[] }) {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="summary-children">
      <TableHead>
        <TableRow>
          <TableCell>{translate('zizhu.comparison.summaryUnit')}</TableCell>
          {COUNT_KEYS.map((key) => (
            <TableCell key={key} align="right">
              {translate(`zizhu.comparison.counts.${key}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {nodes.map((node) => (
          <TableRow key={`${node.level}-${node.id}`} data-node={node.id}>
            <TableCell>
              {node.level === 'school' ? (
                node.name
              ) : (
                <LinkBase to={summaryPath(runId, node.id)}>{node.name}</LinkBase>
              )}{' '}
              <small>（{translate(`zizhu.comparison.levels.${node.level}`)}）</small>
            </TableCell>
            {COUNT_KEYS.map((key) => (
              <TableCell key={key} align="right" data-count={key}>
                {number(node.totals[key])}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * One node by stage (rows, 合计 first) × identity type (columns: special-group students
 * found), beside the all-types counts. `stageLabel` and `typeName` name the values.
 */
export function StageTypeTable({
  node,
  stageLabel,
  typeName,
}: {
  node: SummaryNode;
  stageLabel: (stage: string) => string;
  typeName: (id: number) => string;
}) {
  const translate = useTranslate();
  const stages = [null, ...[...new Set(node.cells.map((c) => c.stage).filter((s): s is string => s !== null))].sort(compareStages)];
  const types = [...new Set(node.cells.map((c) => c.identityTypeId).filter((t): t is number => t !== null))].sort((a, b) => a - b);
  const cell = (stage: string | null, type: number | null) => node.cells.find((c) => c.stage === stage && c.identityTypeId === type);
  return (
    <Table size="small" data-testid="summary-matrix">
      <TableHead>
        <TableRow>
          <TableCell>{translate('zizhu.comparison.summaryStage')}</TableCell>
          {(['studentsCompared', 'studentsFound', 'questionable', 'unmatched'] as const).map((key) => (
            <TableCell key={key} align="right">
              {translate(`zizhu.comparison.counts.${key}`)}
            </TableCell>
          ))}
          {types.map((type) => (
            <TableCell key={type} align="right">
              {typeName(type)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {stages.map((stage) => {
          const all = cell(stage, null);
          return (
            <TableRow key={stage ?? 'all'} data-stage={stage ?? 'all'}>
              <TableCell>{stage === null ? translate('zizhu.comparison.total') : stageLabel(stage)}</TableCell>
              {(['studentsCompared', 'studentsFound', 'questionable', 'unmatched'] as const).map((key) => (
                <TableCell key={key} align="right">
                  {number(all?.[key] ?? 0)}
                </TableCell>
              ))}
              {types.map((type) => (
                <TableCell key={type} align="right" data-type={type}>
                  {number(cell(stage, type)?.studentsFound ?? 0)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
