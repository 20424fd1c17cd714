/**
 * A batch's figures from its lines, counting each entry's current line — one no re-issue
 * replaced — so 应发 (lines to pay) never moves after the batch is made and always equals
 * 成功 (paid) + 失败 (failed or returned, not re-issued yet) + 待发放 (pending).
 * `where` picks the batches, over `b` (disbursement_batches).
 */
export function batchFiguresSql(where: string): string {
  return `
    UPDATE disbursement_batches b
       SET line_count = l.line_count, total_amount = l.total_amount, paid_count = l.paid_count, paid_amount = l.paid_amount,
           failed_count = l.failed_count, failed_amount = l.failed_amount
      FROM (SELECT d.batch_id, count(*)::int AS line_count, COALESCE(sum(d.amount), 0)::bigint AS total_amount,
                   count(*) FILTER (WHERE d.status = 'paid')::int AS paid_count,
                   COALESCE(sum(d.amount) FILTER (WHERE d.status = 'paid'), 0)::bigint AS paid_amount,
                   count(*) FILTER (WHERE d.status IN ('failed', 'returned'))::int AS failed_count,
                   COALESCE(sum(d.amount) FILTER (WHERE d.status IN ('failed', 'returned')), 0)::bigint AS failed_amount
              FROM disbursements d
             WHERE NOT EXISTS (SELECT 1 FROM disbursements r WHERE r.reissue_of_id = d.id)
             GROUP BY d.batch_id) l
     WHERE l.batch_id = b.id AND ${where}`;
}
