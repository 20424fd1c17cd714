import { defineResource, type RuleViolation } from '@zizhu/schema';
import { COMPARISON_STATUSES } from './comparison.enums';

/** The list ids of a run's `listIds` text ("3,5"), or null when it is not such a text. */
export function parseListIds(listIds: unknown): number[] | null {
  if (typeof listIds !== 'string' || !/^\d+(,\d+)*$/.test(listIds)) return null;
  return listIds.split(',').map(Number);
}

/** The lists a run compares: list ids, at least one, each once. */
export function checkListIds(listIds: unknown): RuleViolation | null {
  const ids = parseListIds(listIds);
  const ok = ids !== null && ids.every((id) => id > 0) && new Set(ids).size === ids.length;
  return ok ? null : { field: 'listIds', message: { zh: '请选择身份名单（每份只选一次）', en: 'Choose identity lists, each once' } };
}

/** Today's date where the bureaus are (UTC+8, no daylight saving), as `YYYY-MM-DD`. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A deadline may lie at most this many days ahead (a year: one school term and then some). */
const MAX_DEADLINE_DAYS = 366;

/**
 * The schools' verification deadline of a run: optional; when set or changed, not before
 * `today` (China's date) nor more than a year ahead. A deadline left as it was stays valid
 * after it has passed (that is what makes results overdue).
 */
export function checkDeadline(deadline: unknown, today: string, previous?: unknown): RuleViolation | null {
  if (deadline == null || deadline === '' || deadline === previous) return null;
  if (typeof deadline !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return null; // the field's own validation answers
  if (deadline < today) {
    return { field: 'deadline', message: { zh: `截止日期不能早于今天（${today}）`, en: `The deadline cannot be before today (${today})` } };
  }
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_DEADLINE_DAYS * 86400_000).toISOString().slice(0, 10);
  if (deadline > latest) {
    return { field: 'deadline', message: { zh: `截止日期不能晚于 ${latest}（一年以内）`, en: `The deadline must be within a year (by ${latest})` } };
  }
  return null;
}

/**
 * 大数据比对: one run matching the enrolled students of a region (the city or a county)
 * against chosen identity lists. Started with `POST /api/comparisons/:id/run`; the server
 * fills status, progress, times and the summary.
 */
export const comparisonResource = defineResource({
  name: 'comparisons',
  table: 'comparisons',
  label: { zh: '大数据比对', en: 'Comparisons' },
  recordLabel: 'name',
  idType: 'integer',
  icon: 'compare',
  menu: { group: 'comparison', order: 4 },
  audited: true,
  versioned: true,
  // A city-wide run is read by its counties and schools (each sees its own part: summary
  // from its node down, its schools' progress, the deadline); only the city edits it.
  scope: { kind: 'reference', via: ['regionId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'inspector', 'school'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  defaultSort: { field: 'id', order: 'DESC' },
  fields: {
    name: {
      type: 'string',
      label: { zh: '比对名称', en: 'Name' },
      required: true,
      maxLength: 100,
      list: true,
      sort: true,
      search: 'prefix',
    },
    regionId: {
      type: 'reference',
      reference: 'regions',
      label: { zh: '比对范围', en: 'Region' },
      help: { zh: '全市或某个县（市、区）的在读学生', en: 'Enrolled students of the whole city or one county' },
      required: true,
      list: true,
      filter: 'exact',
    },
    // Stored as the lists' ids ("3,5"); picked and shown by name, department, batch date and size.
    listIds: {
      type: 'string',
      display: 'referenceIds',
      reference: 'identity-lists',
      optionLabel: ['department', 'batchDate', 'identityCount'],
      label: { zh: '比对名单', en: 'Lists compared' },
      help: { zh: '选择一份或多份身份名单', en: 'Choose one or more identity lists' },
      required: true,
      maxLength: 200,
      pattern: { regex: '^\\d+(,\\d+)*$', message: { zh: '请选择身份名单', en: 'Choose identity lists' } },
      list: true,
    },
    deadline: {
      type: 'date',
      label: { zh: '学校核实截止日期', en: 'School verification deadline' },
      help: {
        zh: '学校须在此日期（含）前核实完本次比对结果，之后仍待核实的计为逾期；不能早于今天',
        en: 'Schools verify their results by this date (inclusive); pending results are overdue after it. Not before today',
      },
      list: true,
      sort: true,
      filter: 'range',
    },
    status: {
      type: 'enum',
      label: { zh: '状态', en: 'Status' },
      options: COMPARISON_STATUSES,
      readOnly: true,
      defaultValue: 'draft',
      list: true,
      filter: 'exact',
    },
    // Shown by the run button's progress bar and the summary page, not as raw JSON.
    progress: { type: 'json', label: { zh: '进度', en: 'Progress' }, readOnly: true, display: 'ownView' },
    startedAt: { type: 'datetime', label: { zh: '开始时间', en: 'Started' }, readOnly: true, list: true, sort: true },
    finishedAt: { type: 'datetime', label: { zh: '完成时间', en: 'Finished' }, readOnly: true, list: true },
    summary: { type: 'json', label: { zh: '比对汇总', en: 'Summary' }, readOnly: true, display: 'ownView' },
    message: { type: 'json', label: { zh: '说明', en: 'Message' }, readOnly: true, display: 'localizedText' },
  },
  check: (r) => checkListIds(r.listIds),
});
