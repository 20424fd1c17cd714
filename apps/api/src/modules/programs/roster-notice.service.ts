import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ProgramTier, rosterResource } from '@zizhu/programs';
import { maskValue, type SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { ExportColumn } from '../../engine/export/export-columns';
import { xlsxSheetWriter } from '../../engine/export/xlsx-sheet.writer';
import { ResourceReader } from '../../engine/rest/resource-reader.service';

const NOTICE_COLUMNS: ExportColumn[] = [
  { key: 'no', header: '序号', kind: 'number', value: (r) => r.no as number },
  { key: 'name', header: '姓名', kind: 'text', value: (r) => r.name as string },
  { key: 'idNumber', header: '身份证号', kind: 'code', value: (r) => maskValue('idNumber', r.idNumber as string) },
  { key: 'grade', header: '年级', kind: 'text', value: (r) => (r.grade as string | null) ?? null },
  { key: 'className', header: '班级', kind: 'text', value: (r) => (r.className as string | null) ?? null },
  { key: 'tier', header: '资助档次', kind: 'text', value: (r) => r.tier as string },
  { key: 'amount', header: '金额（元）', kind: 'money', value: (r) => Number(r.amount) },
];

/**
 * 公示: the roster as a school posts it — names and masked ID numbers only, whatever the
 * reader's role (the notice is public), in class order.
 */
@Injectable()
export class RosterNoticeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
  ) {}

  async write(rosterId: string, user: SessionUser, response: Response): Promise<void> {
    const roster = await this.reader.getOne(rosterResource, rosterId, user);
    const tiers = new Map((roster.tiers as ProgramTier[]).map((t) => [t.code, t.label]));
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT row_number() OVER (ORDER BY s.grade, s.class_name, s.name, s.id)::int AS no, s.name, s.id_number AS "idNumber",
              s.grade, s.class_name AS "className", e.tier, e.amount
         FROM roster_entries e JOIN students s ON s.id = e.student_id
        WHERE e.roster_id = $1 ORDER BY no`,
      [roster.id],
    );
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', `attachment; filename="roster-${roster.id}-notice.xlsx"; filename*=UTF-8''${encodeURIComponent(`${roster.title}-公示.xlsx`)}`);
    const writer = xlsxSheetWriter(response, NOTICE_COLUMNS, '公示名单');
    writer.writeRecords(rows.map((row) => ({ ...row, tier: tiers.get(row.tier as string) ?? row.tier })));
    await writer.finish();
    response.end();
  }
}
