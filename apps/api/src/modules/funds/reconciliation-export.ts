import { FUNDING_SOURCES, TERMS } from '@zizhu/programs';
import { formatBasisPoints, type Localized, type Reconciliation, type ReconciliationRow } from '@zizhu/schema';
import type { Writable } from 'node:stream';
import type { Locale } from '../../engine/errors/locale';
import type { ExportColumn } from '../../engine/export/export-columns';
import { xlsxSheetWriter } from '../../engine/export/xlsx-sheet.writer';

const HEADERS: Record<string, Localized> = {
  program: { zh: '资助项目', en: 'Program' },
  term: { zh: '学期', en: 'Term' },
  region: { zh: '区县', en: 'County' },
  source: { zh: '资金来源', en: 'Source' },
  allocated: { zh: '下达（元）', en: 'Allocated (yuan)' },
  paid: { zh: '已发放（元）', en: 'Paid (yuan)' },
  pending: { zh: '待发放（元）', en: 'Pending (yuan)' },
  failed: { zh: '发放失败（元）', en: 'Failed (yuan)' },
  returned: { zh: '银行退回（元）', en: 'Returned (yuan)' },
  refunded: { zh: '资金退回（元）', en: 'Refunded (yuan)' },
  net: { zh: '净发放（元）', en: 'Net (yuan)' },
  balance: { zh: '结余（元）', en: 'Balance (yuan)' },
  rate: { zh: '执行率', en: 'Execution rate' },
  lines: { zh: '人次', en: 'Person-times' },
  total: { zh: '合计', en: 'Total' },
  cityLevel: { zh: '市本级', en: 'City level' },
};

const MONEY = ['allocated', 'paid', 'pending', 'failed', 'returned', 'refunded', 'net', 'balance'] as const;

type Row = ReconciliationRow & { isTotal?: boolean };

/** Export columns read generic records; these are reconciliation rows (and the totals row). */
const row = (record: Readonly<Record<string, unknown>>): Row => record as unknown as Row;

/** "87.50%" from basis points (text, so Excel shows exactly what the API computed). */
export function rateText(bp: number | null): string {
  return bp === null ? '' : formatBasisPoints(bp);
}

/** The reconciliation as the page shows it, one sheet: money cells in yuan with 2 decimals (`#,##0.00`). */
export async function writeReconciliationXlsx(result: Reconciliation, locale: Locale, output: Writable): Promise<void> {
  const label = (key: string) => HEADERS[key][locale];
  const dims: ExportColumn[] = [];
  if (result.groupBy.includes('program')) dims.push({ key: 'program', header: label('program'), kind: 'text', value: (r) => (row(r).isTotal ? label('total') : (row(r).programName ?? '')) });
  if (result.groupBy.includes('term')) {
    dims.push({ key: 'term', header: label('term'), kind: 'text', value: (r) => (row(r).year ? `${row(r).year} ${TERMS.find((t) => t.value === row(r).term)?.label[locale] ?? ''}` : '') });
  }
  if (result.groupBy.includes('region')) {
    dims.push({ key: 'region', header: label('region'), kind: 'text', value: (r) => (row(r).isTotal ? '' : row(r).regionId ? (row(r).regionName ?? '') : label('cityLevel')) });
  }
  if (result.groupBy.includes('source')) dims.push({ key: 'source', header: label('source'), kind: 'text', value: (r) => FUNDING_SOURCES.find((s) => s.value === row(r).source)?.label[locale] ?? '' });
  if (!dims.length) dims.push({ key: 'total', header: '', kind: 'text', value: () => label('total') });
  else if (!result.groupBy.includes('program')) {
    const first = dims[0];
    dims[0] = { ...first, value: (r) => (row(r).isTotal ? label('total') : first.value(r)) };
  }
  const columns: ExportColumn[] = [
    ...dims,
    ...MONEY.map((key): ExportColumn => ({ key, header: label(key), kind: 'money', value: (r) => row(r)[key] })),
    { key: 'rate', header: label('rate'), kind: 'text', value: (r) => rateText(row(r).executionRateBp) },
    { key: 'lines', header: label('lines'), kind: 'number', value: (r) => row(r).paidLines },
  ];
  const writer = xlsxSheetWriter(output, columns, label('total') === '合计' ? '资金对账' : 'Reconciliation');
  writer.writeRecords([...result.rows, { ...result.totals, isTotal: true }] as unknown as Record<string, unknown>[]);
  await writer.finish();
}
