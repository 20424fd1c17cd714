import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clueResource } from '@zizhu/checks';
import { FUND_EXCEPTION_KINDS } from '@zizhu/funds';
import { TERMS } from '@zizhu/programs';
import { formatYuan, type SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ApiRecord } from '../../engine/rest/record-presenter';
import { ResourceWriter } from '../../engine/rest/resource-writer.service';
import type { OpenClueDto } from './dtos/open-clue.dto';
import { FUND_MESSAGES } from './fund-messages';
import { FundExceptionsService } from './fund-exceptions.service';

type Row = Record<string, unknown>;

/** A clue opened from an exception without a due date is due in 30 days (the notices' usual term). */
const DEFAULT_DUE_DAYS = 30;

/**
 * 开立线索 from a reconciliation exception, once per exception (the clue's own create,
 * update and workflow are the clues module's).
 */
@Injectable()
export class ClueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: ResourceWriter,
    private readonly exceptions: FundExceptionsService,
  ) {}

  /** 开立线索 from a current exception in the user's scope, assigned to the school of its lines. */
  async openFromException(body: OpenClueDto, user: SessionUser): Promise<ApiRecord> {
    const { key } = body;
    const found = await this.exceptions.findOne(key, user);
    if (found.clue) throw ApiException.validation({ key: FUND_MESSAGES.clueExists(found.clue.id) });
    if (!found.schoolId) throw ApiException.validation({ key: FUND_MESSAGES.clueNoSchool });
    const kind = FUND_EXCEPTION_KINDS.find((k) => k.value === found.kind)!.label;
    const amounts = `${formatYuan(found.amount)}${found.expected === null ? '' : ` / ${formatYuan(found.expected)}`}`;
    const term = TERMS.find((t) => t.value === found.term)?.label.zh ?? found.term;
    const described = typeof body.description === 'string' && body.description.trim() ? body.description.trim() : null;
    const input: Row = {
      source: 'reconciliation',
      kind: kind.zh,
      description: described ?? `${kind.zh}：${found.programName} ${found.year} 年${term}，${found.studentName ?? ''}，发放明细 ${found.lineIds.join('、')}，金额 ${amounts} 元`,
      schoolId: found.schoolId,
      studentId: found.studentId,
      programId: found.programId,
      year: found.year,
      term: found.term,
      dueDate: body.dueDate ?? daysFromToday(DEFAULT_DUE_DAYS),
    };
    try {
      // Status and who opened it come from the clue's behaviour; the exception's key from here.
      return await this.writer.create(clueResource, input, user, { exceptionKey: key });
    } catch (error) {
      // Two officers at once: the unique index lets one through; the other hears which clue won.
      if (!(error instanceof ApiException && error.fieldErrors?.exceptionKey)) throw error;
      const [winner] = await this.db.query('SELECT id FROM clues WHERE exception_key = $1', [key]);
      throw winner ? ApiException.validation({ key: FUND_MESSAGES.clueExists(winner.id) }) : error;
    }
  }
}

function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
