import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { disbursementResource } from '@zizhu/funds';
import type { SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { type ApiRecord, auditSnapshot, selectList } from '../../engine/rest/record-presenter';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { readScope } from '../../engine/scope/scope';
import { refreshBatch } from './disbursement-batch.behaviour';
import type { ReissueDto } from './dtos/reissue.dto';
import { FUND_MESSAGES } from './fund-messages';

type Row = Record<string, unknown>;

const ACCOUNT = /^\d{8,32}$/;

/** Re-issuing failed lines (the disbursements' action, see DisbursementBehaviour). */
@Injectable()
export class DisbursementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  /**
   * 重发: a failed (or returned) line gets a new pending line in the same batch, to the
   * account given or the student's corrected one. A failed line is not re-sent to the
   * account that failed. The new line is live, so the partial unique index refuses it if
   * the entry was paid meanwhile by another batch — the money goes out once.
   */
  async reissue(id: string, body: ReissueDto, user: SessionUser): Promise<ApiRecord> {
    const visible = await this.reader.findRow(this.db.manager, disbursementResource, id, readScope(disbursementResource, user));
    if (!visible) throw ApiException.notFound();
    const created = await this.db.transaction(async (manager) => {
      await manager.query('SELECT id FROM disbursement_batches WHERE id = $1 FOR UPDATE', [visible.batchId]);
      const line = (await this.reader.findRow(manager, disbursementResource, id, [], true))!;
      if (line.status !== 'failed' && line.status !== 'returned') throw ApiException.validation({ status: FUND_MESSAGES.notReissuable });
      const [again] = await manager.query('SELECT id FROM disbursements WHERE reissue_of_id = $1', [line.id]);
      if (again) throw ApiException.validation({ status: FUND_MESSAGES.alreadyReissued });
      const account = await this.accountFor(manager, line, body.account);
      const [batch] = await manager.query('SELECT date FROM disbursement_batches WHERE id = $1', [line.batchId]);
      const row = await this.insertReissue(manager, line, account, batch.date);
      await this.audit.record(manager, user, {
        action: 'create',
        resource: disbursementResource.name,
        recordId: row.id as number,
        scopePath: row.scopePath as string,
        before: null,
        after: auditSnapshot(disbursementResource, row),
      });
      await refreshBatch(manager, line.batchId as number);
      return row;
    });
    return this.reader.getOne(disbursementResource, String(created.id), user);
  }

  private async accountFor(manager: EntityManager, line: Row, given: unknown): Promise<string> {
    let account: string;
    if (given !== undefined && given !== null && given !== '') {
      account = String(given).replace(/\s/g, '');
      if (!ACCOUNT.test(account)) throw ApiException.validation({ account: FUND_MESSAGES.accountInvalid });
    } else {
      const [student] = await manager.query('SELECT bank_account FROM students WHERE id = $1', [line.studentId]);
      account = student?.bank_account ?? '';
      if (!account) throw ApiException.validation({ account: FUND_MESSAGES.accountMissing });
    }
    if (line.status === 'failed' && account === line.account) throw ApiException.validation({ account: FUND_MESSAGES.accountNotFixed });
    return account;
  }

  private async insertReissue(manager: EntityManager, line: Row, account: string, date: string): Promise<Row> {
    try {
      await manager.query('SAVEPOINT reissue');
      const [row] = await manager.query(
        `INSERT INTO disbursements AS t (serial_no, batch_id, student_id, roster_entry_id, program_id, year, term, school_id, region_id,
                                        amount, date, method, account, status, reissue_of_id, scope_path, version)
         SELECT $2, d.batch_id, d.student_id, d.roster_entry_id, d.program_id, d.year, d.term, d.school_id, d.region_id,
                d.amount, $3, d.method, $4, 'pending', d.id, d.scope_path, 1
           FROM disbursements d WHERE d.id = $1
         RETURNING ${selectList(disbursementResource)}`,
        [line.id, `${line.batchId}-R${line.id}`.slice(0, 30), date, account],
      );
      return row;
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await manager.query('ROLLBACK TO SAVEPOINT reissue');
      throw ApiException.validation({ status: FUND_MESSAGES.alreadyLive });
    }
  }
}
