import { TERMS } from '@zizhu/programs';

/** The kind of every clue a family's differing amount opens. */
export const MISMATCH_CLUE_KIND = '回访反映金额与发放不一致';

/** A clue opened this way is due a month after it is opened (China's calendar day). */
export const MISMATCH_CLUE_DUE_DAYS = 30;

const termLabel = (column: string) => `CASE ${column} ${TERMS.map((t) => `WHEN '${t.value}' THEN '${t.label.zh}'`).join(' ')} ELSE ${column} END`;

const yuan = (fen: string) => `to_char(${fen} / 100.0, 'FM999999990.00')`;

/**
 * Opens the problem clue of follow-up $1 (opened by user $2, or NULL) when the family reported
 * an amount different from what was paid, and links it (`clue_id`): source 回访, the
 * follow-up's school and student, the term, the program when the student was paid by one
 * program (every program named in the description), both amounts in yuan, due in 30 days.
 * Only a recorded follow-up with `amount_check = 'different'` and no clue yet qualifies, so
 * the clue is opened once however often the follow-up is saved. Returns the clue's id and
 * scope path (no row when nothing was opened). The follow-up's behaviour runs it in the
 * recording's transaction; the demo seed runs the same statement.
 */
export const MISMATCH_CLUE_SQL = `
  WITH fu AS (
    SELECT f.id, f.student_id, f.school_id, f.kind, f.amount_paid, f.reported_amount, f.contact_name, f.contacted_at, f.scope_path,
           c.year, c.term, s.name AS student_name, sc.name AS school_name
      FROM follow_ups f
      JOIN follow_up_campaigns c ON c.id = f.campaign_id
      JOIN students s ON s.id = f.student_id
      JOIN schools sc ON sc.id = f.school_id
     WHERE f.id = $1 AND f.status = 'done' AND f.amount_check = 'different' AND f.reported_amount IS NOT NULL AND f.clue_id IS NULL
     FOR UPDATE OF f),
  paid_programs AS (
    SELECT p.id, p.name
      FROM programs p
     WHERE EXISTS (SELECT 1 FROM disbursements d JOIN fu ON d.student_id = fu.student_id AND d.year = fu.year AND d.term = fu.term
                    WHERE d.program_id = p.id AND d.status = 'paid'
                      AND d.amount > COALESCE((SELECT sum(r.amount) FROM refunds r WHERE r.disbursement_id = d.id), 0))),
  opened AS (
    INSERT INTO clues (source, kind, description, school_id, student_id, program_id, year, term, due_date, status, refund_required,
                       severity, record_key, opened_by, scope_path, version)
    SELECT 'followUp', '${MISMATCH_CLUE_KIND}',
           left(format('%s（%s）家长在%s中反映 %s 年%s收到资助 %s 元，系统发放记录为 %s 元（%s）。回访时间 %s，回访对象：%s。请核实实际到账金额，确有差额的查明原因并整改。',
                       fu.student_name, fu.school_name, CASE fu.kind WHEN 'visit' THEN '入户走访' ELSE '电话回访' END, fu.year, ${termLabel('fu.term')},
                       ${yuan('fu.reported_amount')}, ${yuan('fu.amount_paid')},
                       COALESCE((SELECT string_agg(pp.name, '、' ORDER BY pp.id) FROM paid_programs pp), '无'),
                       COALESCE(to_char(fu.contacted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '—'),
                       COALESCE(NULLIF(fu.contact_name, ''), '—')), 2000),
           fu.school_id, fu.student_id, (SELECT min(pp.id) FROM paid_programs pp HAVING count(*) = 1), fu.year, fu.term,
           (now() AT TIME ZONE 'Asia/Shanghai')::date + ${MISMATCH_CLUE_DUE_DAYS}, 'open', false,
           'medium', 'follow-ups:' || fu.id, $2, fu.scope_path, 1
      FROM fu
    RETURNING id, scope_path),
  linked AS (UPDATE follow_ups u SET clue_id = o.id FROM opened o WHERE u.id = $1 RETURNING u.id)
  SELECT o.id, o.scope_path AS "scopePath" FROM opened o JOIN linked ON true`;
