import { termRecipientsSql } from './term-recipients.sql';

/**
 * 抽样 for campaign $1, one statement: up to `sample_per_school` recipients of each school in
 * the campaign's region, picked at random (`random()`, so `setseed` makes a draw repeatable),
 * become pending follow-ups of the campaign's kind with what they were paid in the term frozen
 * (`amount_paid`, fen, net of refunds). Returns the new follow-ups' ids. The unique
 * (campaign, student) index makes a second run add nobody; the campaign's status is what
 * refuses it first.
 */
export const DRAW_SQL = `
  WITH c AS (SELECT id, year, term, kind, sample_per_school, scope_path FROM follow_up_campaigns WHERE id = $1),
  recipients AS (${termRecipientsSql('(SELECT year FROM c)', '(SELECT term FROM c)', `(SELECT scope_path || '%' FROM c)`)}),
  sampled AS (
    SELECT r.student_id, r.school_id, r.amount_paid, r.school_path,
           row_number() OVER (PARTITION BY r.school_id ORDER BY random()) AS n
      FROM recipients r)
  INSERT INTO follow_ups (campaign_id, student_id, school_id, kind, amount_paid, status, reached, knew_policy, scope_path, version)
  SELECT c.id, s.student_id, s.school_id, c.kind, s.amount_paid, 'pending', false, false, s.school_path, 1
    FROM sampled s CROSS JOIN c
   WHERE s.n <= c.sample_per_school
   ORDER BY s.school_id, s.n
  ON CONFLICT (campaign_id, student_id) DO NOTHING
  RETURNING id`;
