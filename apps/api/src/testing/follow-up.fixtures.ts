import { Client } from 'pg';
import { listQuery, type Json, type TestApp } from './test-app';

type Rec = Record<string, Json>;

/** A 1×1 PNG's first bytes: enough for the upload's type check. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** Uploads an evidence file as `token`'s user; returns its id. */
export async function uploadFile(api: TestApp, token: string, name: string, data: Buffer): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const response = await fetch(`${api.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as Rec;
  if (response.status !== 201) throw new Error(`upload ${response.status}: ${JSON.stringify(body)}`);
  return body.id;
}

/** Every record of a list (up to 1,000), oldest first. */
export async function listAll(api: TestApp, token: string, resource: string, filter: Rec): Promise<Rec[]> {
  const response = await api.request('GET', `/api/${resource}${listQuery({ filter, sort: ['id', 'ASC'], range: [0, 999] })}`, { token });
  if (response.status !== 200) throw new Error(`list ${resource}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export interface ExpectedRecipient {
  studentId: number;
  schoolId: number;
  amountPaid: number;
}

/**
 * The term's recipients worked out from the payment lines and refunds as the API lists them
 * (not from the SQL under test): net paid per student and school, the student counted at the
 * school that paid most (lower id on a tie), with the total over every school.
 */
export async function expectedRecipients(api: TestApp, token: string, year: number, term: string): Promise<Map<number, ExpectedRecipient>> {
  const lines = await listAll(api, token, 'disbursements', { year, term, status: 'paid' });
  const refunds = await listAll(api, token, 'refunds', { year, term });
  const refunded = new Map<number, number>();
  for (const r of refunds) refunded.set(r.disbursementId, (refunded.get(r.disbursementId) ?? 0) + r.amount);
  const net = new Map<number, Map<number, number>>();
  for (const line of lines) {
    const bySchool = net.get(line.studentId) ?? new Map<number, number>();
    bySchool.set(line.schoolId, (bySchool.get(line.schoolId) ?? 0) + line.amount - (refunded.get(line.id) ?? 0));
    net.set(line.studentId, bySchool);
  }
  const recipients = new Map<number, ExpectedRecipient>();
  for (const [studentId, bySchool] of net) {
    const total = [...bySchool.values()].reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    const [schoolId] = [...bySchool.entries()].sort(([sa, a], [sb, b]) => b - a || sa - sb)[0];
    recipients.set(studentId, { studentId, schoolId, amountPaid: total });
  }
  return recipients;
}

/** Students planted by `plantCoverageTerm`, by role in the scenario. */
export type PlantedStudents = Record<'s1a' | 's1b' | 's1c' | 's1d' | 's1e' | 's1f' | 's1g' | 's12a' | 's12b' | 's12c' | 's8a' | 's13a', number>;

export interface PlantedTerm {
  year: number;
  term: string;
  students: PlantedStudents;
  schools: { yuzhou: number; rongxianHigh: number; rongxianVocational: number; fumian: number };
}

/**
 * 2025 autumn, a term of its own: payments at 玉林市第一中学 (玉州区), 容县高级中学 and 容县职业中等专业学校
 * (容县) and 玉林市福绵高级中学 (福绵区) — two programs for one student, a full and a partial refund,
 * a failed line, one student paid by two schools (counted at 容县高级中学, which paid more) —
 * and letters in every state with their dates (see the coverage spec for the sums).
 */
export async function plantCoverageTerm(databaseUrl: string): Promise<PlantedTerm> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const school = async (name: string): Promise<number> => (await db.query('SELECT id FROM schools WHERE name = $1', [name])).rows[0].id;
    const schools = {
      yuzhou: await school('玉林市第一中学'),
      rongxianHigh: await school('容县高级中学'),
      rongxianVocational: await school('容县职业中等专业学校'),
      fumian: await school('玉林市福绵高级中学'),
    };
    const pick = async (schoolId: number, count: number): Promise<number[]> =>
      (await db.query('SELECT id FROM students WHERE school_id = $1 ORDER BY id DESC LIMIT $2', [schoolId, count])).rows.map((r) => r.id);
    const [s1a, s1b, s1c, s1d, s1e, s1f, s1g] = await pick(schools.yuzhou, 7);
    const [s12a, s12b, s12c] = await pick(schools.rongxianHigh, 3);
    const [s8a] = await pick(schools.fumian, 1);
    const [s13a] = await pick(schools.rongxianVocational, 1);
    const students: PlantedStudents = { s1a, s1b, s1c, s1d, s1e, s1f, s1g, s12a, s12b, s12c, s8a, s13a };

    const { rows: programs } = await db.query(`SELECT id, code FROM programs WHERE code IN ('HS-GRANT', 'BOARDING-SUBSIDY')`);
    const program = (code: string) => programs.find((p) => p.code === code).id;
    const line = async (studentId: number, schoolId: number, amount: number, status = 'paid', code = 'HS-GRANT'): Promise<number> => {
      const { rows } = await db.query(
        `INSERT INTO disbursements (serial_no, student_id, program_id, year, term, school_id, region_id, amount, date, method, status, scope_path, version)
         SELECT 'COV' || nextval('disbursements_id_seq'), $1, $2, 2025, 'autumn', s.id, split_part(s.scope_path, '.', 2), $4, '2025-10-08', 'aidCard', $5, s.scope_path, 1
           FROM schools s WHERE s.id = $3 RETURNING id`,
        [studentId, program(code), schoolId, amount, status],
      );
      return rows[0].id;
    };
    const refund = (lineId: number, amount: number) =>
      db.query(
        `INSERT INTO refunds (disbursement_id, student_id, program_id, year, term, region_id, amount, date, receiving_account, reason, scope_path, version)
         SELECT d.id, d.student_id, d.program_id, d.year, d.term, d.region_id, $2, '2025-11-01', '退回专户', '核查不符合条件', d.scope_path, 1 FROM disbursements d WHERE d.id = $1`,
        [lineId, amount],
      );
    await line(s1a, schools.yuzhou, 100_000);
    await line(s1a, schools.yuzhou, 50_000, 'paid', 'BOARDING-SUBSIDY');
    await line(s1b, schools.yuzhou, 100_000);
    await refund(await line(s1c, schools.yuzhou, 100_000), 100_000);
    await refund(await line(s1d, schools.yuzhou, 100_000), 30_000);
    await line(s1e, schools.yuzhou, 100_000, 'failed');
    await line(s1f, schools.yuzhou, 100_000);
    await line(s1g, schools.yuzhou, 50_000);
    await line(s1g, schools.rongxianHigh, 150_000);
    await line(s12a, schools.rongxianHigh, 125_000);
    await line(s12b, schools.rongxianHigh, 125_000);
    await line(s12c, schools.rongxianHigh, 100_000);
    await line(s8a, schools.fumian, 100_000);
    await line(s13a, schools.rongxianVocational, 80_000);

    const { rows: [template] } = await db.query(
      `INSERT INTO letter_templates (name, region_id, body, receipt_text, status, revision, scope_path, version)
       VALUES ('覆盖测试模板', '450900', '{{studentName}}', '回执', 'published', 1, '450900.', 1) RETURNING id`,
    );
    const letter = (studentId: number, schoolId: number, status: string, createdAt: string, deliveredAt: string | null, receiptAt: string | null) =>
      db.query(
        `INSERT INTO letters (student_id, school_id, year, term, template_id, template_revision, status, delivered_at, receipt_returned_at, scope_path, version, created_at)
         SELECT $1, s.id, 2025, 'autumn', $3, 1, $4, $5, $6, s.scope_path, 1, $7 FROM schools s WHERE s.id = $2`,
        [studentId, schoolId, template.id, status, deliveredAt, receiptAt, createdAt],
      );
    await letter(s1a, schools.yuzhou, 'delivered', '2025-10-01T09:00:00+08:00', '2025-10-10', null);
    await letter(s1b, schools.yuzhou, 'receiptReturned', '2025-10-01T09:00:00+08:00', '2025-10-10', '2025-10-20');
    await letter(s1c, schools.yuzhou, 'delivered', '2025-10-01T09:00:00+08:00', '2025-10-10', null);
    await letter(s1d, schools.yuzhou, 'generated', '2025-10-01T09:00:00+08:00', null, null);
    await letter(s1g, schools.rongxianHigh, 'delivered', '2025-10-01T09:00:00+08:00', '2025-11-05', null);
    await letter(s12a, schools.rongxianHigh, 'receiptReturned', '2025-10-01T09:00:00+08:00', '2025-10-15', '2025-11-10');
    // Generated on 1 November just after midnight in China: after a 31 October due date.
    await letter(s12b, schools.rongxianHigh, 'generated', '2025-11-01T00:30:00+08:00', null, null);
    return { year: 2025, term: 'autumn', students, schools };
  } finally {
    await db.end();
  }
}
