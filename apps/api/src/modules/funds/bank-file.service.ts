import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { disbursementBatchResource } from '@zizhu/funds';
import type { SessionUser } from '@zizhu/schema';
import { DataSource } from 'typeorm';
import { AuditService } from '../../engine/audit/audit.service';
import { ApiException } from '../../engine/errors/api.exception';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { readScope } from '../../engine/scope/scope';
import type { BankFile, BankFileLine } from './bank-file-export';
import { FUND_MESSAGES } from './fund-messages';
import { fen } from './fund-sql';

/**
 * 银行代发文件: what the bank needs to pay a batch — its pending lines with full account
 * numbers (the one place they leave the platform unmasked), so every download is audited.
 */
@Injectable()
export class BankFileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
  ) {}

  async read(id: string, format: 'xlsx' | 'csv', user: SessionUser): Promise<BankFile> {
    const batch = await this.reader.findRow(this.db.manager, disbursementBatchResource, id, readScope(disbursementBatchResource, user));
    if (!batch) throw ApiException.notFound();
    return this.db.transaction('REPEATABLE READ', async (manager) => {
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT d.serial_no, s.name AS student_name, d.account, d.amount, sc.name AS school_name
           FROM disbursements d JOIN students s ON s.id = d.student_id LEFT JOIN schools sc ON sc.id = d.school_id
          WHERE d.batch_id = $1 AND d.status = 'pending'
          ORDER BY d.id`,
        [batch.id],
      );
      if (!rows.length) throw ApiException.validation({ id: FUND_MESSAGES.nothingPending });
      const lines: BankFileLine[] = rows.map((r) => ({
        serialNo: r.serial_no as string,
        name: r.student_name as string,
        account: r.account as string,
        amount: fen(r.amount),
        school: (r.school_name as string | null) ?? '',
      }));
      const total = lines.reduce((sum, l) => sum + l.amount, 0);
      await this.audit.record(manager, user, {
        action: 'download',
        resource: disbursementBatchResource.name,
        recordId: batch.id as number,
        scopePath: batch.scopePath as string,
        before: null,
        after: { file: 'bankFile', format, lines: lines.length, amount: total },
      });
      return { title: batch.title as string, lines, total };
    });
  }
}
