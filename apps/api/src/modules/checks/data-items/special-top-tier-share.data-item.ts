import { anyMarkSql } from '../../programs/eligibility.sql';
import { currentTerm, type DataItem, percent } from './data-item';

/** Of the special-identity students on the school's rosters this term, the share at their program's top tier (policy: all of them). */
export const specialTopTierShare: DataItem = {
  code: 'specialTopTierShare',
  label: { zh: '特殊身份学生按最高档资助的比例', en: 'Special-identity students at the top tier' },
  unit: { zh: '%', en: '%' },
  async compute(manager, { schoolId, today }) {
    const { year, term } = currentTerm(today);
    const [row] = await manager.query(
      `SELECT count(*)::int AS marked,
              count(*) FILTER (WHERE e.tier = (SELECT t->>'code' FROM jsonb_array_elements(r.tiers) t ORDER BY (t->>'amount')::numeric DESC LIMIT 1))::int AS top
         FROM roster_entries e
         JOIN rosters r ON r.id = e.roster_id
         JOIN students s ON s.id = e.student_id
        WHERE r.school_id = $1 AND r.year = $2 AND r.term IN ($3, 'yearly') AND ${anyMarkSql('s')}`,
      [schoolId, year, term],
    );
    return percent(row.top, row.marked);
  },
};
