import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { pdfTimedOut } from '../../../engine/pdf/pdf-errors';
import { PdfRenderer } from '../../../engine/pdf/pdf-renderer.service';
import { plantDuty, plantOccurrence, plantPlan, type PlantedSchool, yuzhouSchools } from '../../../testing/review.fixtures';
import { type Json, startTestApp, type TestApp } from '../../../testing/test-app';
import { PlansClock } from '../../plans/plans-clock';

const MISSED_DUTY = '做好春季建档立卡贫困家庭一封信的寄送工作';

/**
 * The quarterly bulletin over HTTP, on the real queue and Chromium, read back with poppler:
 * asked for (202), polled, downloaded — the title, the period, every unit, the lagging unit
 * named with the duty it missed, the chart; only for issued quarterly reviews and the
 * bureaus that read them; a failed render stores nothing.
 */
describe('quarterly bulletin (PDF)', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-bulletin-spec-'));
  const call = (method: string, path: string, user: string, body?: unknown) => api.request(method, path, { token: token[user], body });
  let schools: PlantedSchool[];
  let planId: number;
  let quarterlyId: number;

  const download = async (id: number, user: string) => {
    const response = await fetch(`${api.baseUrl}/api/reviews/${id}/bulletin.pdf`, { headers: { authorization: `Bearer ${token[user]}` } });
    const buffer = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, buffer, json: (): Json => JSON.parse(buffer.toString('utf8')) };
  };

  /** Polls the state as the panel does until the job is no longer running. */
  const settled = async (id: number): Promise<Json> => {
    for (let i = 0; i < 600; i++) {
      const state = await call('GET', `/api/reviews/${id}/bulletin`, 'yuzhou');
      expect(state.status).toBe(200);
      if (state.body.status !== 'running') return state.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the bulletin of review ${id} was not printed`);
  };

  const textOf = (pdf: Buffer): string => {
    const file = join(dir, 'bulletin.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  };

  const issued = async (body: Record<string, unknown>): Promise<number> => {
    const created = await call('POST', '/api/reviews', 'yuzhou', { planId, ...body });
    expect(created.status).toBe(201);
    expect((await call('POST', `/api/reviews/${created.body.id}/compute`, 'yuzhou')).status).toBe(200);
    expect((await call('POST', `/api/reviews/${created.body.id}/issue`, 'yuzhou')).status).toBe(200);
    return created.body.id;
  };

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    jest.spyOn(api.app.get(PlansClock), 'now').mockReturnValue(new Date('2017-12-05T10:00:00+08:00'));
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'inspector', 'finance']) token[user] = await api.login(user);
    schools = await yuzhouSchools(db);
    planId = await plantPlan(db, 2017);
    const monthly = await plantDuty(db, planId, '每月20日前更新维护学生资助管理信息系统数据');
    const letters = await plantDuty(db, planId, MISSED_DUTY, 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30');
    for (const school of schools) for (const month of ['04', '05', '06']) await plantOccurrence(db, monthly, school, `2017-${month}-20`, 'done');
    for (const school of schools) await plantOccurrence(db, letters, school, '2017-06-30', school === schools[2] ? 'missed' : 'done');
    quarterlyId = await issued({ kind: 'quarterly', quarter: 2, remarks: '各校总体完成较好，<b>启航幼儿园</b>一封信寄送工作滞后，请于15日内整改。' });
  }, 120_000);

  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('successful: asked for, printed on the queue, polled, then the PDF with the title, every unit and the lagging one’s missed duty', async () => {
    const before = await download(quarterlyId, 'yuzhou');
    expect([before.status, before.json().code]).toEqual([409, 'NOT_READY']);
    expect((await call('GET', `/api/reviews/${quarterlyId}/bulletin`, 'yuzhou')).body).toEqual({ status: null });

    const asked = await call('POST', `/api/reviews/${quarterlyId}/bulletin`, 'yuzhou');
    expect([asked.status, asked.body]).toEqual([202, { status: 'running' }]);
    expect(await settled(quarterlyId)).toEqual({ status: 'done', generatedAt: expect.any(String) });
    const again = await call('POST', `/api/reviews/${quarterlyId}/bulletin`, 'yuzhou');
    expect([again.status, again.body]).toEqual([200, { status: 'done' }]);

    const pdf = await download(quarterlyId, 'yuzhou');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('玉州区2017年第二季度学生资助工作季通报.pdf')}`);
    const text = textOf(pdf.buffer);
    expect(text).toContain('玉州区2017年第二季度学生资助工作季通报');
    expect(text).toContain('统计期间：2017-04-01至2017-06-30');
    for (const school of schools) expect(text).toContain(school.name);
    expect(text).toContain('工作滞后单位');
    expect(text).toContain(`${schools[2].name}（南江街道）：加权总分`);
    expect(text).toContain(`未完成任务：${MISSED_DUTY}（截止2017-06-30）`);
    // Remarks print as text, never as markup.
    expect(text).toContain('<b>启航幼儿园</b>');
    // The chart's caption and its lagging line.
    expect(text).toContain('红色虚线为滞后线60分');
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE resource = 'reviews' AND action = 'download' AND record_id = $1`, [String(quarterlyId)]);
    expect(n).toBe(1);
  }, 120_000);

  it.each([
    ['the city', 'admin', 200],
    ['the inspector', 'inspector', 200],
    ['a school (it reads its own line, not the ranking)', 'school1', 403],
    ['another county', 'rongxian', 404],
    ['finance', 'finance', 403],
  ])('%s: %s', async (_who, user, status) => {
    expect((await download(quarterlyId, user)).status).toBe(status);
    expect((await call('GET', `/api/reviews/${quarterlyId}/bulletin`, user)).status).toBe(status);
  });

  it('failing: a monthly review and a draft print no bulletin (409), and nothing is queued', async () => {
    const monthly = await issued({ kind: 'monthly', month: 6 });
    const draft = (await call('POST', '/api/reviews', 'yuzhou', { planId, kind: 'quarterly', quarter: 3 })).body.id;
    for (const [id, message] of [
      [monthly, '只有季通报生成通报文件（PDF）'],
      [draft, '季通报发布后才能生成通报文件'],
    ] as const) {
      const asked = await call('POST', `/api/reviews/${id}/bulletin`, 'yuzhou');
      expect([asked.status, asked.body.code, asked.body.message]).toEqual([409, 'IN_USE', message]);
      expect((await download(id, 'yuzhou')).status).toBe(409);
    }
    expect(await db.query(`SELECT 1 FROM review_bulletins WHERE review_id IN ($1, $2)`, [monthly, draft])).toEqual([]);
  });

  it('failing: a render that fails stores nothing and says why; asking again recovers', async () => {
    const id = await issued({ kind: 'quarterly', quarter: 1 });
    const render = jest.spyOn(api.app.get(PdfRenderer), 'render').mockRejectedValueOnce(pdfTimedOut(60_000));
    try {
      expect((await call('POST', `/api/reviews/${id}/bulletin`, 'yuzhou')).status).toBe(202);
      expect(await settled(id)).toEqual({ status: 'failed', error: '季通报生成失败：生成 PDF 超过 60 秒仍未完成，请稍后重试或减少一次打印的内容' });
    } finally {
      render.mockRestore();
    }
    const refused = await download(id, 'yuzhou');
    expect([refused.status, refused.json().message]).toEqual([409, '季通报生成失败，请重新生成']);
    const [{ data }] = await db.query(`SELECT data FROM review_bulletins WHERE review_id = $1`, [id]);
    expect(data).toBeNull();
    expect((await call('POST', `/api/reviews/${id}/bulletin`, 'yuzhou')).status).toBe(202);
    expect((await settled(id)).status).toBe('done');
    expect(textOf((await download(id, 'yuzhou')).buffer)).toContain('本期没有工作滞后单位');
  }, 120_000);
});
