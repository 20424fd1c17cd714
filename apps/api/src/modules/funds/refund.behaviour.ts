import { Injectable } from '@nestjs/common';
import { refundResource } from '@zizhu/funds';
import { formatYuan } from '@zizhu/schema';
import { ApiException } from '../../engine/errors/api.exception';
import { Behaviour, type RecordWrite, type ResourceBehaviour } from '../../engine/rest/resource-behaviour';
import { FUND_MESSAGES } from './fund-messages';
import { fen } from './fund-sql';

/** 退回 against a paid line: no more than is left of it; student, program and term come from the line. */
@Injectable()
@Behaviour(refundResource)
export class RefundBehaviour implements ResourceBehaviour {
  async serverValues({ values, manager }: RecordWrite): Promise<Record<string, unknown>> {
    const [line] = await manager.query(
      `SELECT d.id, d.status, d.amount, d.student_id, d.program_id, d.year, d.term, d.region_id,
              d.amount - COALESCE((SELECT sum(f.amount) FROM refunds f WHERE f.disbursement_id = d.id), 0) AS refundable
         FROM disbursements d WHERE d.id = $1 FOR UPDATE`,
      [values.disbursementId],
    );
    // A line that does not exist is reported by the writer's own reference check.
    if (!line) return {};
    if (line.status !== 'paid') throw ApiException.validation({ disbursementId: FUND_MESSAGES.refundNotPaid });
    if (fen(values.amount) > fen(line.refundable)) throw ApiException.validation({ amount: FUND_MESSAGES.refundTooMuch(formatYuan(fen(line.refundable))) });
    return { studentId: line.student_id, programId: line.program_id, year: line.year, term: line.term, regionId: line.region_id };
  }
}
