import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ProgramTier, rosterResource } from '@zizhu/programs';
import { type ApplicationImportResult, type ConfiguredField, type Localized, type SessionUser, validateConfiguredValues } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiException } from '../../engine/errors/api.exception';
import type { Locale } from '../../engine/errors/locale';
import { convertCell } from '../../engine/imports/cell-conversion';
import { detectHeader, HEADER_SEARCH_ROWS } from '../../engine/imports/header-detection';
import { readSheet, type SheetKind, type SheetRow } from '../../engine/imports/sheet-reader';
import { prepareValues } from '../../engine/rest/record-input';
import { ResourceReader } from '../../engine/rest/resource-reader.service';
import { answerKey, applicationSheet } from './application-sheet';
import { APPLICATION_IMPORT_MESSAGES as M } from './roster-application-messages';
import { isWithSchool, RosterService } from './roster.service';

type Row = Record<string, unknown>;

/** A roster's file holds one school's applications: a few thousand rows at most. */
export const MAX_APPLICATION_ROWS = 20_000;

interface Candidate {
  row: number;
  idNumber: string;
  name: string | null;
  tier: string;
  note: string | null;
  answers: Row;
}

/**
 * 申请导入: a school fills the roster's application template (or its own sheet with the same
 * headers) and uploads it. Every row is checked as the form checks an application, plus
 * against the roll (ID number known, at this school, name as on the roll) and against
 * every roster of the program this term; re-importing the same file changes nothing.
 */
@Injectable()
export class RosterApplicationImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly rosters: RosterService,
  ) {}

  async import(rosterId: string, file: { path: string; kind: SheetKind }, allOrNothing: boolean, user: SessionUser, locale: Locale): Promise<ApplicationImportResult> {
    const roster = await this.reader.getOne(rosterResource, rosterId, user);
    if (!isWithSchool(roster)) throw ApiException.validation({ file: M.notEditable });
    const sheet = applicationSheet(roster);
    const rows = await readRows(file);
    const header = detectHeader(sheet, rows.slice(0, HEADER_SEARCH_ROWS));
    if (!header) throw ApiException.validation({ file: M.noHeader });
    const mapped = new Map(header.columns.filter((c) => c.field).map((c) => [c.field as string, c]));
    for (const key of ['idNumber', 'tier']) {
      if (!mapped.has(key)) throw ApiException.validation({ file: M.missingColumn(sheet.fields[key].label) });
    }
    const columnOf = (key: string) => mapped.get(key)?.header ?? sheet.fields[key]?.label[locale] ?? key;
    const errors: ApplicationImportResult['errors'] = [];
    const fail = (row: number, key: string, message: Localized) => errors.push({ row, column: columnOf(key), message: message[locale] });

    const fields = roster.applicationFields as ConfiguredField[];
    const candidates: Candidate[] = [];
    let total = 0;
    for (const row of rows) {
      if (row.number <= header.headerRow || row.cells.every((c) => c === null || String(c).trim() === '')) continue;
      if (++total > MAX_APPLICATION_ROWS) throw ApiException.validation({ file: M.tooManyRows(MAX_APPLICATION_ROWS) });
      const before = errors.length;
      const values: Row = {};
      for (const [key, column] of mapped) {
        const converted = convertCell(sheet.fields[key], row.cells[column.index - 1] ?? null);
        if ('error' in converted) fail(row.number, key, converted.error);
        else values[key] = converted.value;
      }
      if (errors.length > before) continue;
      // Field checks and answer checks both run, so a row reports all its faults at once.
      let checked: Row = values;
      const failed = new Set<string>();
      try {
        checked = prepareValues(sheet, values, 'create');
      } catch (error) {
        if (!(error instanceof ApiException)) throw error;
        for (const [key, message] of Object.entries(error.fieldErrors ?? {})) {
          fail(row.number, key, message);
          failed.add(key);
        }
      }
      const answerable = fields.filter((field) => !failed.has(answerKey(field.key)));
      const answers: Row = {};
      for (const field of answerable) answers[field.key] = checked[answerKey(field.key)];
      const { values: cleaned, errors: answerErrors } = validateConfiguredValues(answerable, answers);
      for (const [key, message] of Object.entries(answerErrors)) fail(row.number, answerKey(key), message);
      if (failed.size || Object.keys(answerErrors).length) continue;
      candidates.push({ row: row.number, idNumber: checked.idNumber as string, name: (checked.name as string) ?? null, tier: checked.tier as string, note: (checked.note as string) ?? null, answers: cleaned });
    }

    const accepted = await this.checkAgainstRoll(roster, candidates, fail);
    const invalidRows = new Set(errors.map((e) => e.row)).size;
    const counts = { total, inserted: 0, updated: 0, unchanged: 0, invalid: invalidRows };
    if (!(allOrNothing && errors.length) && accepted.length) {
      Object.assign(counts, await this.db.transaction((manager) => this.write(manager, roster, accepted, user)));
    }
    const position = new Map(header.columns.map((c) => [c.header, c.index]));
    errors.sort((a, b) => a.row - b.row || (position.get(a.column) ?? 0) - (position.get(b.column) ?? 0));
    return { ...counts, errors };
  }

  /** Students known, at this school, named as on the roll, once in the file and once per term. */
  private async checkAgainstRoll(roster: Row, candidates: Candidate[], fail: (row: number, key: string, message: Localized) => void) {
    const students: Row[] = await this.db.query('SELECT id, id_number AS "idNumber", name, school_id AS "schoolId" FROM students WHERE id_number = ANY($1)', [
      candidates.map((c) => c.idNumber),
    ]);
    const byNumber = new Map(students.map((s) => [s.idNumber as string, s]));
    const elsewhere: Row[] = await this.db.query(
      `SELECT e.student_id AS "studentId", sc.name AS school FROM roster_entries e JOIN rosters r ON r.id = e.roster_id JOIN schools sc ON sc.id = r.school_id
        WHERE e.program_id = $1 AND e.year = $2 AND e.term = $3 AND e.roster_id <> $4 AND e.student_id = ANY($5)`,
      [roster.programId, roster.year, roster.term, roster.id, students.map((s) => s.id)],
    );
    const otherSchool = new Map(elsewhere.map((e) => [e.studentId as number, e.school as string]));
    const firstRow = new Map<string, number>();
    const accepted: (Candidate & { studentId: number })[] = [];
    for (const candidate of candidates) {
      const student = byNumber.get(candidate.idNumber);
      const seen = firstRow.get(candidate.idNumber);
      if (seen !== undefined) fail(candidate.row, 'idNumber', M.duplicateInFile(seen));
      else if (!student) fail(candidate.row, 'idNumber', M.unknownStudent);
      else if (student.schoolId !== roster.schoolId) fail(candidate.row, 'idNumber', M.otherSchool);
      else if (candidate.name && candidate.name !== student.name) fail(candidate.row, 'name', M.nameDiffers(student.name as string));
      else if (otherSchool.has(student.id as number)) fail(candidate.row, 'idNumber', M.onOtherRoster(otherSchool.get(student.id as number)!));
      else accepted.push({ ...candidate, studentId: student.id as number });
      if (seen === undefined) firstRow.set(candidate.idNumber, candidate.row);
    }
    return accepted;
  }

  /** New students inserted, changed ones updated, set-based, each change audited. */
  private async write(manager: EntityManager, roster: Row, accepted: (Candidate & { studentId: number })[], user: SessionUser) {
    const locked = await this.rosters.lockEditable(manager, roster.id as number, user);
    const amounts = new Map((locked.tiers as ProgramTier[]).map((t) => [t.code, t.amount]));
    const existing: Row[] = await manager.query(
      'SELECT id, student_id AS "studentId", tier, application_data AS "applicationData", note FROM roster_entries WHERE roster_id = $1 AND student_id = ANY($2)',
      [roster.id, accepted.map((a) => a.studentId)],
    );
    const current = new Map(existing.map((e) => [e.studentId as number, e]));
    const lines = accepted.map((a) => ({ entry_id: current.get(a.studentId)?.id ?? null, student_id: a.studentId, tier: a.tier, amount: amounts.get(a.tier), application_data: a.answers, note: a.note }));
    const fresh = lines.filter((l) => l.entry_id === null);
    const changed = lines.filter((l) => {
      const stored = l.entry_id === null ? null : current.get(l.student_id)!;
      return stored && (stored.tier !== l.tier || (stored.note ?? null) !== l.note || !sameAnswers(stored.applicationData as Row, l.application_data));
    });
    const audit = (source: string, action: string) => `audited AS (
        INSERT INTO audit_log (at, user_id, action, resource, record_id, before, after, scope_path)
        SELECT now(), $2, '${action}', 'roster-entries', w.id::text, NULL,
               jsonb_build_object('rosterId', w.roster_id, 'studentId', w.student_id, 'tier', w.tier, 'amount', w.amount, 'applicationData', w.application_data, 'note', w.note),
               w.scope_path FROM ${source} w)`;
    const [{ n: inserted }] = fresh.length
      ? await manager.query(
          `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(student_id int, tier text, amount bigint, application_data jsonb, note text)),
           written AS (
             INSERT INTO roster_entries (roster_id, student_id, tier, amount, application_data, note, source, program_id, year, term, scope_path, version)
             SELECT $3, student_id, tier, amount, application_data, note, 'application', $4, $5, $6, $7, 1 FROM input
             RETURNING id, roster_id, student_id, tier, amount, application_data, note, scope_path),
           ${audit('written', 'create')}
           SELECT count(*)::int AS n FROM written`,
          [JSON.stringify(fresh), user.id, roster.id, roster.programId, roster.year, roster.term, locked.scopePath],
        )
      : [{ n: 0 }];
    const [{ n: updated }] = changed.length
      ? await manager.query(
          `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(entry_id int, tier text, amount bigint, application_data jsonb, note text)),
           written AS (
             UPDATE roster_entries e SET tier = i.tier, amount = i.amount, application_data = i.application_data, note = i.note,
                    version = e.version + 1, updated_at = now()
               FROM input i WHERE e.id = i.entry_id AND e.roster_id = $3
             RETURNING e.id, e.roster_id, e.student_id, e.tier, e.amount, e.application_data, e.note, e.scope_path),
           ${audit('written', 'update')}
           SELECT count(*)::int AS n FROM written`,
          [JSON.stringify(changed), user.id, roster.id],
        )
      : [{ n: 0 }];
    await this.rosters.refreshTotals(manager, roster.id as number);
    return { inserted, updated, unchanged: accepted.length - inserted - updated };
  }
}

/** jsonb keeps its own key order: compare answers key by key. */
function sameAnswers(a: Row | null, b: Row): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b)]);
  return [...keys].every((key) => (a ?? {})[key] === b[key]);
}

async function readRows(file: { path: string; kind: SheetKind }): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheet(file)) {
    rows.push(row);
    if (rows.length > MAX_APPLICATION_ROWS + HEADER_SEARCH_ROWS) break;
  }
  return rows;
}
