import { idNumberCheckChar } from '@zizhu/schema';
import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { startTestApp, type Json, type TestApp } from '../../../testing/test-app';
import { AID_QUERY_LIMITS } from './aid-query-limits';

type Rec = Record<string, Json>;

const SLOW = 120_000;

interface Answer {
  status: number;
  body: Json;
  text: string;
  retryAfter: string | null;
}

/**
 * The families' page answers only a matching name and ID number with that student's
 * payments, the very same way for every failure; it counts every query per address and per
 * ID number, asks for a challenge after failures, and logs each query without the number.
 */
describe('the families’ aid query (no login)', () => {
  let api: TestApp;
  let db: Client;
  let trustProxy: string | undefined;
  let recipients: { name: string; idNumber: string; studentId: number }[];
  let unpaid: { name: string; idNumber: string };
  let address = 0;
  /** Each scenario asks from addresses of its own, as separate families would. */
  const nextAddress = () => `198.51.100.${++address}`;

  async function ask(body: Rec, from: string): Promise<Answer> {
    const response = await fetch(`${api.baseUrl}/api/public/aid-query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN', 'x-forwarded-for': from },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), text, retryAfter: response.headers.get('retry-after') };
  }

  /** The answer to a challenge, found the way only the server could: with its key. */
  async function solve(token: string): Promise<string> {
    const { rows } = await db.query(`SELECT value FROM app_secrets WHERE name = 'aid-query'`);
    const key = Buffer.from(rows[0].value, 'base64url');
    const [payload, signed] = token.split('.');
    for (let answer = 0; answer < 200; answer++) {
      if (createHmac('sha256', key).update(`${payload}.${answer}`).digest('base64url') === signed) return String(answer);
    }
    throw new Error('no answer signs this token');
  }

  beforeAll(async () => {
    // The page is reached through a proxy that names the client's address.
    trustProxy = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = 'loopback';
    api = await startTestApp();
    db = new Client({ connectionString: api.databaseUrl });
    await db.connect();
    recipients = (
      await db.query(
        // Students with a demo letter: something was paid to them and not refunded in full.
        `SELECT s.name, s.id_number AS "idNumber", s.id AS "studentId" FROM students s
          WHERE EXISTS (SELECT 1 FROM letters l WHERE l.student_id = s.id) ORDER BY s.id LIMIT 3`,
      )
    ).rows;
    [unpaid] = (await db.query(`SELECT s.name, s.id_number AS "idNumber" FROM students s WHERE NOT EXISTS (SELECT 1 FROM disbursements d WHERE d.student_id = s.id) ORDER BY s.id LIMIT 1`)).rows;
  }, SLOW);

  afterAll(async () => {
    if (trustProxy === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trustProxy;
    await db?.end();
    await api?.close();
  }, 60_000);

  it('shows a matching name and ID number the aid paid to that student, and nothing else', async () => {
    const [student] = recipients;
    const answer = await ask({ name: student.name, idNumber: student.idNumber }, nextAddress());
    expect(answer.status).toBe(200);
    const { rows: paid } = await db.query(
      `SELECT p.name AS program, d.year, d.term, (d.amount - COALESCE((SELECT sum(r.amount) FROM refunds r WHERE r.disbursement_id = d.id), 0))::int AS amount, d.date
         FROM disbursements d JOIN programs p ON p.id = d.program_id WHERE d.student_id = $1 AND d.status = 'paid' ORDER BY d.date DESC, d.id DESC`,
      [student.studentId],
    );
    expect(answer.body).toEqual({ payments: paid, total: paid.reduce((sum, p) => sum + p.amount, 0) });
    for (const payment of answer.body.payments) expect(Object.keys(payment).sort()).toEqual(['amount', 'date', 'program', 'term', 'year']);
    // As a parent might type it: spaces, a lowercase x, full-width digits.
    const typed = student.idNumber.replace(/X$/, 'x').replace(/^(\d)/, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect((await ask({ name: ` ${student.name} `, idNumber: ` ${typed} ` }, nextAddress())).body).toEqual(answer.body);
  }, SLOW);

  it('answers an unknown ID number, a name that does not match and a student with nothing paid identically', async () => {
    const [student] = recipients;
    const first17 = `45090220100101${String(900 + (student.studentId % 99)).padStart(3, '0')}`;
    const unknown = first17 + idNumberCheckChar(first17);
    expect((await db.query(`SELECT 1 FROM students WHERE id_number = $1`, [unknown])).rowCount).toBe(0);
    const answers = [
      await ask({ name: student.name, idNumber: unknown }, nextAddress()),
      await ask({ name: `${student.name}甲`, idNumber: student.idNumber }, nextAddress()),
      await ask({ name: unpaid.name, idNumber: unpaid.idNumber }, nextAddress()),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(JSON.stringify({ payments: [], total: 0 }));
    }
  }, SLOW);

  it('refuses a malformed ID number on its field, and a missing name', async () => {
    const from = nextAddress();
    const bad = await ask({ name: '张三', idNumber: '450902201001011234' }, from);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(['idNumber']);
    const missing = await ask({ idNumber: recipients[0].idNumber }, from);
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.body.errors)).toEqual(['name']);
  });

  it('asks for a challenge after three failures from an address; a solved one buys one query', async () => {
    const from = nextAddress();
    const [student] = recipients;
    for (let i = 0; i < AID_QUERY_LIMITS.failuresBeforeChallenge.points; i++) {
      expect((await ask({ name: `路人${i}`, idNumber: student.idNumber }, from)).status).toBe(200);
    }
    const asked = await ask({ name: student.name, idNumber: student.idNumber }, from);
    expect(asked.status).toBe(428);
    expect(asked.body).toMatchObject({ code: 'CHALLENGE_REQUIRED' });

    const challenge = (await (await fetch(`${api.baseUrl}/api/public/aid-query/challenge`)).json()) as Rec;
    expect(challenge.image).toMatch(/^data:image\/svg\+xml;base64,/);
    const answer = await solve(challenge.token);
    const wrong = await ask({ name: student.name, idNumber: student.idNumber, challengeToken: challenge.token, challengeAnswer: String(Number(answer) + 1) }, from);
    expect(wrong.status).toBe(428);
    const right = await ask({ name: student.name, idNumber: student.idNumber, challengeToken: challenge.token, challengeAnswer: answer }, from);
    expect(right.status).toBe(200);
    expect(right.body.payments.length).toBeGreaterThan(0);
    const again = await ask({ name: student.name, idNumber: student.idNumber, challengeToken: challenge.token, challengeAnswer: answer }, from);
    expect(again.status).toBe(428);
  }, SLOW);

  it('refuses an ID number asked too often from anywhere, and an address that asks too often', async () => {
    const [, second, third] = recipients;
    const busy = nextAddress();
    // Ten for each of two students from one address: every one answered.
    for (const student of [second, third]) {
      for (let i = 0; i < AID_QUERY_LIMITS.perIdNumber.points; i++) {
        expect((await ask({ name: student.name, idNumber: student.idNumber }, busy)).status).toBe(200);
      }
    }
    // The eleventh for the second student, even from a new address.
    const perNumber = await ask({ name: second.name, idNumber: second.idNumber }, nextAddress());
    expect(perNumber.status).toBe(429);
    expect(Number(perNumber.retryAfter)).toBeGreaterThan(0);
    // The twenty-first from the busy address, whatever it asks.
    const perAddress = await ask({ name: unpaid.name, idNumber: unpaid.idNumber }, busy);
    expect(perAddress.status).toBe(429);
    expect(perAddress.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(Number(perAddress.retryAfter)).toBeGreaterThan(0);
  }, SLOW);

  it('logs every query with its address, outcome and a keyed hash of the number, never the number', async () => {
    const { rows } = await db.query(`SELECT address, id_number_hash, outcome, student_id FROM aid_query_log ORDER BY id`);
    const outcomes = rows.map((r) => r.outcome);
    for (const outcome of ['found', 'noStudent', 'nameMismatch', 'noPayments', 'invalidIdNumber', 'challengeRequired', 'challengeFailed', 'limited']) expect(outcomes).toContain(outcome);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id_number_hash) && r.address.startsWith('198.51.100.'))).toBe(true);
    const numbers = [...recipients, unpaid].map((s) => s.idNumber);
    const { rows: leaked } = await db.query(`SELECT 1 FROM aid_query_log l WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) n WHERE row_to_json(l)::text LIKE '%' || n || '%')`, [numbers]);
    expect(leaked).toEqual([]);
    expect(rows.filter((r) => r.outcome === 'found').every((r) => recipients.some((s) => s.studentId === r.student_id))).toBe(true);
    expect(rows.filter((r) => r.outcome !== 'found').every((r) => r.student_id === null)).toBe(true);
  });
});
