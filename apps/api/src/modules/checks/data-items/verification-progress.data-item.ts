import { type DataItem, percent } from './data-item';

/** Of the school's students in the latest finished comparison run over it, the share whose result is verified (no longer 待核实). */
export const verificationProgress: DataItem = {
  code: 'verificationProgress',
  label: { zh: '最近一次比对的核实进度', en: 'Verification progress of the latest comparison' },
  unit: { zh: '%', en: '%' },
  async compute(manager, { schoolId }) {
    const [row] = await manager.query(
      `WITH school AS (SELECT scope_path FROM schools WHERE id = $1),
            run AS (SELECT c.id FROM comparisons c, school
                     WHERE c.status = 'done' AND school.scope_path LIKE c.scope_path || '%'
                     ORDER BY c.finished_at DESC NULLS LAST, c.id DESC LIMIT 1)
       SELECT count(*)::int AS results, count(*) FILTER (WHERE cr.decision IS NOT NULL AND cr.decision <> 'pending')::int AS decided
         FROM comparison_results cr
         JOIN run ON run.id = cr.comparison_id
        -- The school the run asked to verify (the result's snapshot), as the progress page counts it.
        WHERE cr.school_id = $1`,
      [schoolId],
    );
    return percent(row.decided, row.results);
  },
};
