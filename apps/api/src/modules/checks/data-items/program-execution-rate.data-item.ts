import { currentTerm, type DataItem, percent } from './data-item';

/** 执行率: of the amount approved on the school's rosters this term, the share paid out. */
export const programExecutionRate: DataItem = {
  code: 'programExecutionRate',
  label: { zh: '本学期资助资金执行率', en: 'Execution rate this term' },
  unit: { zh: '%', en: '%' },
  async compute(manager, { schoolId, today }) {
    const { year, term } = currentTerm(today);
    const [row] = await manager.query(
      `SELECT coalesce(sum(e.amount), 0)::bigint AS approved,
              coalesce(sum(e.amount) FILTER (WHERE EXISTS (
                SELECT 1 FROM disbursements d WHERE d.roster_entry_id = e.id AND d.status = 'paid')), 0)::bigint AS paid
         FROM roster_entries e
         JOIN rosters r ON r.id = e.roster_id
        WHERE r.school_id = $1 AND r.year = $2 AND r.term IN ($3, 'yearly') AND r.status = 'approved'`,
      [schoolId, year, term],
    );
    return percent(row.paid, row.approved);
  },
};
