import type { SummaryCell, SummaryCounts, SummaryLevel, SummaryNode } from '@zizhu/schema';

/** One stored row of `comparison_summary_rows`, as `SUMMARY_ROWS_SELECT` reads it. */
export interface SummaryTreeRow extends SummaryCell {
  level: SummaryLevel;
  nodeId: string;
  nodeName: string;
  parentId: string | null;
}

export const SUMMARY_ROWS_SELECT = `SELECT level, node_id AS "nodeId", node_name AS "nodeName", parent_id AS "parentId", stage,
  identity_type_id AS "identityTypeId", students_compared AS "studentsCompared", students_found AS "studentsFound",
  matched, questionable, marked, unmatched FROM comparison_summary_rows`;

export const LEVELS: readonly SummaryLevel[] = ['city', 'county', 'township', 'school'];

/** One line of a run's stored summary: a county × stage (null: all) × identity type (null: all). */
export interface SummaryRow extends SummaryCounts {
  countyId: string;
  countyName: string;
  stage: string | null;
  identityTypeId: number | null;
  identityTypeName: string | null;
}

export interface ComparisonSummary {
  totals: { identitiesCompared: number; studentsCompared: number; studentsFound: number; questionable: number; unmatched: number };
  rows: SummaryRow[];
}

const ZERO: SummaryCounts = { studentsCompared: 0, studentsFound: 0, matched: 0, questionable: 0, marked: 0, unmatched: 0 };

function counts(row: SummaryCounts): SummaryCounts {
  const { studentsCompared, studentsFound, matched, questionable, marked, unmatched } = row;
  return { studentsCompared, studentsFound, matched, questionable, marked, unmatched };
}

/** Stored rows grouped into nodes (in the rows' order), each with its all-stages, all-types totals. */
export function toNodes(rows: SummaryTreeRow[]): SummaryNode[] {
  const nodes = new Map<string, SummaryNode>();
  for (const row of rows) {
    const key = `${row.level}|${row.nodeId}`;
    let node = nodes.get(key);
    if (!node) {
      node = { level: row.level, id: row.nodeId, name: row.nodeName, parentId: row.parentId, totals: { ...ZERO }, cells: [] };
      nodes.set(key, node);
    }
    const identityTypeId = row.identityTypeId == null ? null : Number(row.identityTypeId);
    node.cells.push({ stage: row.stage, identityTypeId, ...counts(row) });
    if (row.stage == null && identityTypeId == null) node.totals = counts(row);
  }
  return [...nodes.values()];
}

/**
 * The summary stored on the run: totals of the run's region and one line per county ×
 * stage × type, read from the tree (a county's run: its own lines).
 */
export function buildSummary(
  top: SummaryNode | undefined,
  counties: SummaryNode[],
  typeNames: Map<number, string>,
  identitiesCompared: number,
): ComparisonSummary {
  const totals = top?.totals ?? ZERO;
  return {
    totals: {
      identitiesCompared,
      studentsCompared: totals.studentsCompared,
      studentsFound: totals.studentsFound,
      questionable: totals.questionable,
      unmatched: totals.unmatched,
    },
    rows: counties.flatMap((county) =>
      county.cells.map((cell) => ({
        countyId: county.id,
        countyName: county.name,
        ...cell,
        identityTypeName: cell.identityTypeId == null ? null : (typeNames.get(cell.identityTypeId) ?? null),
      })),
    ),
  };
}
