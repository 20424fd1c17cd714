import { createHash } from 'node:crypto';
import { listQuery, startTestApp, type TestApp, type Json } from '../../testing/test-app';
import { MAX_FILE_BYTES } from './file-types';

type Rec = Record<string, Json>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('files: evidence attached to decisions and omissions', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let questionable: Rec; // a school1 result
  let stuA: Rec; // a school1 student
  let typeId: number;

  const get = (path: string, user = 'admin') => api.request('GET', path, { token: token[user] });
  async function upload(user: string, name: string, data: Buffer, lang: 'zh' | 'en' = 'zh') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), name);
    const response = await fetch(`${api.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token[user]}`, 'accept-language': lang },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Rec };
  }
  async function download(user: string, id: number) {
    const response = await fetch(`${api.baseUrl}/api/files/${id}`, { headers: { authorization: `Bearer ${token[user]}` } });
    return { status: response.status, headers: response.headers, data: Buffer.from(await response.arrayBuffer()) };
  }
  async function create(resource: string, body: Rec, user = 'admin'): Promise<Rec> {
    const response = await api.request('POST', `/api/${resource}`, { token: token[user], body });
    if (response.status !== 201) throw new Error(`create ${resource}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2']) token[user] = await api.login(user);
    const schoolId = (await get(`/api/schools${listQuery({ range: [0, 0] })}`, 'school1')).body[0].id;
    [stuA] = (await get(`/api/students${listQuery({ filter: { schoolId, status: 'enrolled' }, sort: ['id', 'ASC'], range: [0, 0] })}`)).body;
    const types = (await get(`/api/identity-types${listQuery({ range: [0, 99] })}`)).body as Rec[];
    typeId = types[1].id;
    const list = await create('identity-lists', {
      name: '附件测试名单', department: 'civilAffairs', identityTypeId: typeId, regionId: '450900', batchDate: '2026-09-01',
    });
    await create('identities', { listId: list.id, idNumber: stuA.idNumber, name: `${stuA.name}甲` });
    const run = await create('comparisons', { name: '附件测试', regionId: '450900', listIds: String(list.id) });
    await api.request('POST', `/api/comparisons/${run.id}/run`, { token: token.admin });
    for (let i = 0; (await get(`/api/comparisons/${run.id}`)).body.status === 'running'; i++) {
      if (i > 200) throw new Error('comparison did not finish');
      await new Promise((r) => setTimeout(r, 50));
    }
    [questionable] = (await get(`/api/comparison-results${listQuery({ filter: { comparisonId: run.id, studentId: stuA.id } })}`)).body;
    expect(questionable).toMatchObject({ outcome: 'questionable', decision: 'pending' });
  }, 60_000);
  afterAll(() => api.close());

  it('uploads, links to a decision, and lets those who see the result download it', async () => {
    const uploaded = await upload('school1', '低保证明.pdf', PDF);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      name: '低保证明.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    // Not linked yet: only the uploader can fetch it.
    expect((await download('school1', uploaded.body.id)).status).toBe(200);
    expect((await download('yuzhou', uploaded.body.id)).status).toBe(404);

    const decided = await api.request('PUT', `/api/comparison-results/${questionable.id}`, {
      token: token.school1,
      body: { decision: 'confirmed', decisionReason: '民政局出具证明', evidenceFileId: uploaded.body.id, version: questionable.version },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ decision: 'confirmed', evidenceFileId: uploaded.body.id, decidedBy: expect.any(Number), marked: true });

    for (const user of ['school1', 'yuzhou', 'admin']) {
      const file = await download(user, uploaded.body.id);
      expect(file.status).toBe(200);
      expect(file.data.equals(PDF)).toBe(true);
      expect(file.headers.get('content-type')).toBe('application/pdf');
      expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('低保证明.pdf')}`);
    }
    expect((await get(`/api/files/${uploaded.body.id}/info`, 'yuzhou')).body).toMatchObject({ name: '低保证明.pdf', size: PDF.length });

    const audit = (await get(`/api/audit-log${listQuery({ filter: { resource: 'files', recordId: String(uploaded.body.id) }, range: [0, 99] })}`)).body as Rec[];
    expect(audit.filter((a) => a.action === 'download')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(1);
  });

  it('keeps another school and another county out', async () => {
    const { evidenceFileId } = (await get(`/api/comparison-results/${questionable.id}`)).body;
    for (const user of ['school2', 'rongxian']) {
      expect((await download(user, evidenceFileId)).status).toBe(404);
      expect((await get(`/api/files/${evidenceFileId}/info`, user)).status).toBe(404);
    }
    // Nor can another school borrow the file for a record of its own.
    const stuB = (await get(`/api/students${listQuery({ range: [0, 0] })}`, 'school2')).body[0];
    const borrowed = await api.request('POST', '/api/omissions', {
      token: token.school2,
      body: { studentId: stuB.id, identityTypeId: typeId, reason: '借用他校附件', evidenceFileId },
    });
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.errors.evidenceFileId).toBeTruthy();
    expect((await get('/api/files')).status).toBe(403);
  });

  it('attaches evidence to an omission, visible to the county that reviews it', async () => {
    const scan = await upload('school1', 'scan.png', PNG);
    expect(scan.status).toBe(201);
    const omission = await create('omissions', { studentId: stuA.id, identityTypeId: typeId, reason: '孤儿，名单漏报', evidenceFileId: scan.body.id }, 'school1');
    expect(omission.evidenceFileId).toBe(scan.body.id);
    expect((await download('yuzhou', scan.body.id)).data.equals(PNG)).toBe(true);
    expect((await download('school2', scan.body.id)).status).toBe(404);
    // A file already linked to one record cannot be linked to another.
    const again = await api.request('PUT', `/api/comparison-results/${questionable.id}`, {
      token: token.school1,
      body: { evidenceFileId: scan.body.id, version: (await get(`/api/comparison-results/${questionable.id}`)).body.version },
    });
    expect(again.status).toBe(422);
  });

  it.each([
    ['a type outside the allowlist', 'setup.exe', Buffer.from('MZ\x90\x00\x03'), 'zh', '只能上传 PDF、JPG、PNG、Excel（.xlsx）或 Word（.docx）文件'],
    ['a renamed file', 'fake.pdf', Buffer.from('MZ\x90\x00\x03'), 'en', "The file's content does not match its extension: upload the original file"],
    ['an oversized file', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES)]), 'zh', '文件不能超过 10 MB，请压缩或拆分后再上传'],
    ['an oversized file (English)', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES)]), 'en', 'Files may be at most 10 MB: compress or split it'],
  ] as const)('refuses %s with a field error in the caller’s language', async (_, name, data, lang, message) => {
    const refused = await upload('school1', name, data, lang);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { file: message } });
  });
});
