import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { pdfTimedOut } from '../../../engine/pdf/pdf-errors';
import { PdfRenderer } from '../../../engine/pdf/pdf-renderer.service';
import {
  evidencePng,
  insertFile,
  insertFinding,
  insertInspection,
  insertPlan,
  insertPublishedChecklist,
} from '../../../testing/inspection-report.fixtures';
import { type Json, startTestApp, type TestApp } from '../../../testing/test-app';

const PLAN_NAME = '2026年春季资助政策落实情况抽查';

/**
 * The inspection report over HTTP, on the real queue and Chromium, read back with poppler:
 * asked for (202), polled, downloaded; current until the inspection or a finding moves on;
 * only for readers of the inspection and only once it is submitted; a failed render stores nothing.
 */
describe('inspection report (PDF)', () => {
  let api: TestApp;
  let db: DataSource;
  const token: Record<string, string> = {};
  const dir = mkdtempSync(join(tmpdir(), 'zizhu-report-spec-'));
  let inspectionId: number;
  let startedId: number;
  let studentNames: string[];

  const call = (method: string, path: string, user: string) => api.request(method, path, { token: token[user] });

  const download = async (id: number, user: string) => {
    const response = await fetch(`${api.baseUrl}/api/inspections/${id}/report.pdf`, { headers: { authorization: `Bearer ${token[user]}` } });
    const buffer = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, buffer, json: (): Json => JSON.parse(buffer.toString('utf8')) };
  };

  /** Polls the state as the panel does until the job is no longer running. */
  const settled = async (id: number, user = 'admin'): Promise<Json> => {
    for (let i = 0; i < 600; i++) {
      const state = await call('GET', `/api/inspections/${id}/report`, user);
      expect(state.status).toBe(200);
      if (state.body.status !== 'running') return state.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the report of inspection ${id} was not made`);
  };

  const readBack = (pdf: Buffer, name: string) => {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return {
      // Cell by cell, without the line breaks of wrapped cells.
      text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
      // Row by row, as printed.
      layout: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
      // Image XObjects (their transparency masks are listed apart, as `smask`).
      images: execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter((line) => line.trim().split(/\s+/)[2] === 'image').length,
    };
  };

  const reportFileId = async (id: number): Promise<number | null> => (await db.query(`SELECT report_file_id FROM inspections WHERE id = $1`, [id]))[0].report_file_id;
  const fileCount = async (): Promise<number> => (await db.query(`SELECT count(*)::int AS n FROM files`))[0].n;

  beforeAll(async () => {
    api = await startTestApp();
    db = api.app.get(DataSource);
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'inspector', 'finance']) token[user] = await api.login(user);

    const versionId = await insertPublishedChecklist(db, 'RPT-PDF');
    const planId = await insertPlan(db, versionId, PLAN_NAME);
    const students: { id: number; name: string }[] = await db.query(`SELECT id, name FROM students WHERE school_id = 1 AND char_length(name) = 3 ORDER BY id LIMIT 2`);
    studentNames = students.map((s) => s.name);
    const schoolPath: string = (await db.query(`SELECT scope_path FROM schools WHERE id = 1`))[0].scope_path;
    const otherSchoolPath: string = (await db.query(`SELECT scope_path FROM schools WHERE id = 2`))[0].scope_path;

    // School 2's inspection is under way: it has no report yet.
    startedId = await insertInspection(db, { planId, versionId, schoolId: 2, status: 'started' });

    const photo = await insertFile(db, { name: '公示栏照片.png', data: await evidencePng('公示栏'), contentType: 'image/png', scopePath: schoolPath });
    const foreign = await insertFile(db, { name: '他校佐证.png', data: await evidencePng('他校'), contentType: 'image/png', scopePath: otherSchoolPath, resource: 'clues', recordId: 1 });
    inspectionId = await insertInspection(db, {
      planId,
      versionId,
      schoolId: 1,
      status: 'submitted',
      answers: {
        values: { paidOnTime: 'yes', publicity: 'partial', archive: false },
        remarks: { publicity: '公示栏缺少监督电话' },
        evidence: { publicity: [photo], archive: [foreign] },
        dataChecks: { lateCount: { confirmed: false, observed: 5, note: '台账另有两笔超期' } },
        sampleAnswers: {
          cardCheck: {
            [students[0].id]: { cardHeld: true, aware: '知晓' },
            [students[1].id]: { cardHeld: false, aware: '不知晓' },
          },
        },
      },
      dataValues: {
        lateCount: { code: 'latePayments', label: { zh: '超期发放笔数', en: 'Late payments' }, unit: { zh: '笔', en: 'payments' }, value: 3, computedAt: '2026-04-18T01:30:00.000Z' },
      },
      // Stored in full here, as if the draw had not masked them: the report masks them anyway.
      samples: [
        {
          itemKey: 'cardCheck',
          year: 2026,
          term: 'spring',
          students: students.map((s) => ({ studentId: s.id, name: s.name, programId: 1, programName: '义务教育家庭经济困难学生生活补助', amountPaid: 62500 })),
        },
      ],
    });
    await db.query(`UPDATE files SET resource = 'inspections', record_id = $1 WHERE id = $2`, [String(inspectionId), photo]);
    await insertFinding(db, { inspectionId, itemKey: 'archive', recordKey: 'item:archive', severity: 'high', description: '未建立受助学生一人一档', status: 'open', dueInDays: -1 });
    const receipt = await insertFile(db, { name: '补录台账.png', data: await evidencePng('台账'), contentType: 'image/png', scopePath: schoolPath });
    const closed = await insertFinding(db, {
      inspectionId,
      itemKey: 'lateCount',
      recordKey: 'item:lateCount',
      severity: 'medium',
      description: '超期发放笔数与平台数据不一致',
      status: 'closed',
      dueInDays: -10,
      verdict: 'confirmed',
      rectification: '已补录发放台账',
      rectificationFileId: receipt,
    });
    await db.query(`UPDATE files SET resource = 'clues', record_id = $1 WHERE id = $2`, [String(closed), receipt]);
    await insertFinding(db, {
      inspectionId,
      itemKey: 'cardCheck',
      recordKey: `item:cardCheck:student:${students[1].id}`,
      severity: 'low',
      description: '受助学生本人未持卡',
      status: 'answered',
      dueInDays: 20,
      studentId: students[1].id,
    });
  }, 120_000);

  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('successful: asked for, made on the queue, polled, then the PDF with everything the inspection found', async () => {
    expect((await call('GET', `/api/inspections/${inspectionId}/report`, 'inspector')).body).toEqual({ status: null });
    const asked = await call('POST', `/api/inspections/${inspectionId}/report`, 'inspector');
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ status: 'running' });
    expect(await settled(inspectionId, 'inspector')).toEqual({ status: 'done', generatedAt: expect.any(String) });

    const pdf = await download(inspectionId, 'inspector');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="inspection-report-${inspectionId}.pdf"; filename*=UTF-8''${encodeURIComponent('督查检查报告-玉林市第一中学-2026-04-18.pdf')}`,
    );
    const { text, layout, images } = readBack(pdf.buffer, 'first');
    for (const expected of [
      '督查检查报告',
      PLAN_NAME,
      '玉林市第一中学',
      '玉林市玉州区玉城街道',
      '抽查',
      '市督查员',
      '张建国、李卫东',
      // The total and the verdict.
      '总分50.0分（合格线60分），结论：不合格',
      // Answers, a remark, a frozen value and the inspector's word on it.
      '公示不全',
      '备注：公示栏缺少监督电话',
      '3笔',
      '不一致：实际5',
      '台账另有两笔超期',
      // Findings: severity, status, overdue, the rectification and its deadline.
      '发现问题3个，尚未办结2个',
      '未建立受助学生一人一档',
      '高',
      '待核实',
      '已逾期',
      '属实。已补录发放',
      '整改期限：2026-05-18',
      '第1页，共',
    ]) {
      expect(text).toContain(expected);
    }
    // Each section's weight and score, then the total.
    expect(layout).toMatch(/资金发放\s+2\s+75\.0\n/);
    expect(layout).toMatch(/档案管理\s+1\s+0\.0\n/);
    expect(layout).toMatch(/总分\s+50\.0\n/);
    // Sampled students masked; a file of another school is neither shown nor named.
    for (const name of studentNames) {
      expect(text).not.toContain(name);
      expect(text).toContain(`${name[0]}*${name[2]}`);
    }
    expect(text).not.toContain('他校佐证');
    expect(images).toBe(2);

    // Stored as the inspection's file, which its readers may download too; the download is audited.
    const fileId = await reportFileId(inspectionId);
    expect((await call('GET', `/api/inspections/${inspectionId}`, 'school1')).body.reportFileId).toBe(fileId);
    expect((await call('GET', `/api/files/${fileId}/info`, 'school1')).body).toMatchObject({ contentType: 'application/pdf', name: '督查检查报告-玉林市第一中学-2026-04-18.pdf' });
    const [audit] = await db.query(`SELECT after FROM audit_log WHERE action = 'download' AND resource = 'inspections' AND record_id = $1`, [String(inspectionId)]);
    expect(audit.after).toEqual({ report: '督查检查报告-玉林市第一中学-2026-04-18.pdf' });

    // Current: asking again makes nothing new.
    const again = await call('POST', `/api/inspections/${inspectionId}/report`, 'school1');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'done' });
    expect(await reportFileId(inspectionId)).toBe(fileId);
  }, 120_000);

  it('successful: a finding that moves on dates the report; the next one replaces it and the old file goes', async () => {
    const before = await reportFileId(inspectionId);
    await db.query(`UPDATE clues SET status = 'closed', version = version + 1 WHERE inspection_id = $1 AND item_key = 'archive'`, [inspectionId]);
    expect((await call('GET', `/api/inspections/${inspectionId}/report`, 'yuzhou')).body).toEqual({ status: null, outdated: true });
    const stale = await download(inspectionId, 'yuzhou');
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'NOT_READY', message: '尚未生成检查报告，请先生成' });

    expect((await call('POST', `/api/inspections/${inspectionId}/report`, 'yuzhou')).status).toBe(202);
    expect((await settled(inspectionId, 'yuzhou')).status).toBe('done');
    const after = await reportFileId(inspectionId);
    expect(after).not.toBe(before);
    expect(await db.query(`SELECT id FROM files WHERE id = $1`, [before])).toEqual([]);
    const { text } = readBack((await download(inspectionId, 'yuzhou')).buffer, 'second');
    expect(text).toContain('尚未办结1个');
    expect(text).not.toContain('已逾期');
  }, 120_000);

  it.each([
    ['another school', 'school2', 404],
    ['another county', 'rongxian', 404],
    ['a role that reads no inspections', 'finance', 403],
  ])('failing: %s cannot ask for, poll or download the report', async (_who, user, status) => {
    expect((await call('POST', `/api/inspections/${inspectionId}/report`, user)).status).toBe(status);
    expect((await call('GET', `/api/inspections/${inspectionId}/report`, user)).status).toBe(status);
    expect((await download(inspectionId, user)).status).toBe(status);
  });

  it('successful: the school downloads its own report', async () => {
    const own = await download(inspectionId, 'school1');
    expect(own.status).toBe(200);
    expect(readBack(own.buffer, 'school').text).toContain('玉林市第一中学');
  });

  it('failing: an inspection not yet submitted has no report (409), and nothing is queued', async () => {
    const asked = await call('POST', `/api/inspections/${startedId}/report`, 'yuzhou');
    expect(asked.status).toBe(409);
    expect(asked.body.code).toBe('IN_USE');
    expect(asked.body.message).toBe('检查尚未提交，提交后才能生成检查报告');
    expect((await download(startedId, 'yuzhou')).status).toBe(409);
    expect((await call('GET', `/api/inspections/${startedId}/report`, 'yuzhou')).body).toEqual({ status: null });
    expect(await db.query(`SELECT 1 FROM inspection_reports WHERE inspection_id = $1`, [startedId])).toEqual([]);
  });

  it.each([
    ['/api/inspections/999999/report', 404],
    ['/api/inspections/abc/report', 400],
    ['/api/inspections/999999/report.pdf', 404],
  ])('failing: GET %s is %s', async (path, status) => {
    expect((await call('GET', path, 'admin')).status).toBe(status);
  });

  it('failing: a render that fails stores nothing, keeps the last report and says why; asking again recovers', async () => {
    const before = await reportFileId(inspectionId);
    const files = await fileCount();
    await db.query(`UPDATE inspections SET version = version + 1 WHERE id = $1`, [inspectionId]);
    const render = jest.spyOn(api.app.get(PdfRenderer), 'render').mockRejectedValueOnce(pdfTimedOut(60_000));
    try {
      expect((await call('POST', `/api/inspections/${inspectionId}/report`, 'admin')).status).toBe(202);
      const failed = await settled(inspectionId);
      expect(failed).toEqual({ status: 'failed', error: '检查报告生成失败：生成 PDF 超过 60 秒仍未完成，请稍后重试或减少一次打印的内容' });
      expect((await api.request('GET', `/api/inspections/${inspectionId}/report`, { token: token.admin, lang: 'en' })).body.error).toMatch(/^Making the report failed: The PDF took longer/);
    } finally {
      render.mockRestore();
    }
    expect(await fileCount()).toBe(files);
    expect(await reportFileId(inspectionId)).toBe(before);
    const refused = await download(inspectionId, 'admin');
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'NOT_READY', message: '检查报告生成失败，请重新生成' });

    expect((await call('POST', `/api/inspections/${inspectionId}/report`, 'admin')).status).toBe(202);
    expect((await settled(inspectionId)).status).toBe('done');
    expect(await fileCount()).toBe(files);
  }, 120_000);

  it('failing: without Chromium the request is 503 PDF_UNAVAILABLE and nothing is queued', async () => {
    await db.query(`UPDATE inspections SET version = version + 1 WHERE id = $1`, [inspectionId]);
    process.env.CHROMIUM_PATH = join(dir, 'no-chromium');
    try {
      const asked = await call('POST', `/api/inspections/${inspectionId}/report`, 'admin');
      expect(asked.status).toBe(503);
      expect(asked.body.code).toBe('PDF_UNAVAILABLE');
    } finally {
      delete process.env.CHROMIUM_PATH;
    }
    expect((await call('GET', `/api/inspections/${inspectionId}/report`, 'admin')).body).toEqual({ status: null, outdated: true });
  });
});
