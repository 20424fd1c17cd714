import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ProgramTier, rosterResource, TERMS } from '@zizhu/programs';
import { maskValue, type SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { ExportColumn } from '../../engine/export/export-columns';
import { sendFile } from '../../engine/export/file-download';
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

/** The 公示期 as entered on export (`?start=2026-09-01&end=2026-09-07`); both or neither. */
export interface NoticePeriod {
  start?: string;
  end?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 公示: the roster as a school posts it — a heading (school, year and term, program), the
 * 公示期 and the program's 监督电话, then names and masked ID numbers only, whatever the
 * reader's role (the notice is public), in class order.
 */
@Injectable()
export class RosterNoticeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
  ) {}

  async write(rosterId: string, period: NoticePeriod, user: SessionUser, response: Response): Promise<void> {
    const roster = await this.reader.getOne(rosterResource, rosterId, user);
    const heading = noticeHeading(await this.headingFacts(roster.id as number), checkedPeriod(period));
    const tiers = new Map((roster.tiers as ProgramTier[]).map((t) => [t.code, t.label]));
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT row_number() OVER (ORDER BY s.grade, s.class_name, s.name, s.id)::int AS no, s.name, s.id_number AS "idNumber",
              s.grade, s.class_name AS "className", e.tier, e.amount
         FROM roster_entries e JOIN students s ON s.id = e.student_id
        WHERE e.roster_id = $1 ORDER BY no`,
      [roster.id],
    );
    await sendFile(response, { name: `${roster.title}-公示.xlsx`, asciiName: `roster-${roster.id}-notice.xlsx` }, async (out) => {
      const writer = xlsxSheetWriter(out, NOTICE_COLUMNS, '公示名单', { heading });
      writer.writeRecords(rows.map((row) => ({ ...row, tier: tiers.get(row.tier as string) ?? row.tier })));
      await writer.finish();
    });
  }

  private async headingFacts(rosterId: number): Promise<HeadingFacts> {
    const [facts] = await this.db.query(
      `SELECT s.name AS "schoolName", p.name AS "programName", p.supervision_phone AS "supervisionPhone", r.year, r.term
         FROM rosters r JOIN schools s ON s.id = r.school_id JOIN programs p ON p.id = r.program_id
        WHERE r.id = $1`,
      [rosterId],
    );
    return facts;
  }
}

interface HeadingFacts {
  schoolName: string;
  programName: string;
  supervisionPhone: string | null;
  year: number;
  term: string;
}

/** Three lines above the table; a period or phone not given is left blank to fill in by hand. */
export function noticeHeading(facts: HeadingFacts, period: Required<NoticePeriod> | null): string[] {
  const term = TERMS.find((t) => t.value === facts.term)?.label.zh ?? facts.term;
  const day = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
  return [
    `${facts.schoolName}${facts.year}年${term}${facts.programName}受助学生名单公示`,
    `公示期：${period ? `${day(period.start)}至${day(period.end)}` : '　　年　月　日至　　年　月　日'}`,
    `监督电话：${facts.supervisionPhone ?? ''}`,
  ];
}

function checkedPeriod({ start, end }: NoticePeriod): Required<NoticePeriod> | null {
  if (!start && !end) return null;
  const errors: Record<string, { zh: string; en: string }> = {};
  for (const [key, value] of [['start', start], ['end', end]] as const) {
    if (!value || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString().slice(0, 10) !== value) {
      errors[key] = { zh: '请填写公示期的起止日期，格式为 2026-09-01', en: 'Give the notice period as dates, e.g. 2026-09-01' };
    }
  }
  if (!Object.keys(errors).length && end! < start!) errors.end = { zh: '公示结束日期不能早于开始日期', en: 'The period cannot end before it starts' };
  if (Object.keys(errors).length) throw ApiException.validation(errors);
  return { start: start!, end: end! };
}
