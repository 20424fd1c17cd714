import { currentTerm, type DataItem } from './data-item';

/** Payments of this term made after their roster's deadline (发放不及时). */
export const latePayments: DataItem = {
  code: 'latePayments',
  label: { zh: '本学期超过期限发放的笔数', en: 'Payments after the deadline this term' },
  unit: { zh: '笔', en: 'payments' },
  async compute(manager, { schoolId, today }) {
    const { year, term } = currentTerm(today);
    const [row] = await manager.query(
      `SELECT count(*)::int AS late
         FROM disbursements d
         JOIN roster_entries e ON e.id = d.roster_entry_id
         JOIN rosters r ON r.id = e.roster_id
        WHERE d.school_id = $1 AND d.year = $2 AND d.term IN ($3, 'yearly') AND d.status = 'paid' AND d.date > r.deadline`,
      [schoolId, year, term],
    );
    return row.late;
  },
};
