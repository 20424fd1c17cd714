import { CLUE_DONE_STATUSES } from '@zizhu/checks';
import type { DataItem } from './data-item';

/** The school's problem clues still open after their due date. */
export const overdueClues: DataItem = {
  code: 'overdueClues',
  label: { zh: '逾期未办结的问题线索', en: 'Open clues past their due date' },
  unit: { zh: '条', en: 'clues' },
  async compute(manager, { schoolId, today }) {
    const [row] = await manager.query(
      `SELECT count(*)::int AS overdue FROM clues WHERE school_id = $1 AND due_date < $2::date AND status <> ALL($3::text[])`,
      [schoolId, today, CLUE_DONE_STATUSES],
    );
    return row.overdue;
  },
};
