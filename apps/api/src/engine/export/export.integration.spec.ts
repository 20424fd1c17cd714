import { idNumberCheckChar } from '@zizhu/schema';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Client } from 'pg';
import { listQuery, startTestApp, type TestApp, totalOf } from '../../testing/test-app';

interface Download {
  status: number;
  headers: Headers;
  buffer: Buffer;
}

interface Student {
  id: number;
  idNumber: string;
  name: string;
  birthDate: string | null;
  schoolId: number;
  phone: string | null;
  bankAccount: string | null;
}

const STUDENT_HEADERS_ZH = [
  '编号', '身份证号', '姓名', '性别', '出生日期', '学校', '学段', '年级', '班级', '学籍状态', '户籍地', '寄宿生', '监护人', '联系电话', '资助卡号',
];

describe('export', () => {
  let api: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'inspector']) tokens[user] = await api.login(user);
  });
  afterAll(() => api.close());

  const exportPath = (resource: string, params: { format?: string; encoding?: string; sort?: [string, string]; filter?: Record<string, unknown> }) => {
    const search = new URLSearchParams();
    if (params.format) search.set('format', params.format);
    if (params.encoding) search.set('encoding', params.encoding);
    if (params.sort) search.set('sort', JSON.stringify(params.sort));
    if (params.filter) search.set('filter', JSON.stringify(params.filter));
    return `/api/${resource}/export?${search.toString()}`;
  };

  const download = async (path: string, token: string, lang: 'zh' | 'en' = 'zh'): Promise<Download> => {
    const response = await fetch(api.baseUrl + path, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': lang === 'en' ? 'en-US,en;q=0.9' : 'zh-CN,zh;q=0.9' },
    });
    return { status: response.status, headers: response.headers, buffer: Buffer.from(await response.arrayBuffer()) };
  };

  /** The first sheet as header names plus one object per row keyed by header. */
  const readSheet = async (buffer: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(row);
    });
    const cell = (row: ExcelJS.Row, header: string) => row.getCell(headers.indexOf(header) + 1);
    return { sheet, headers, rows, cell };
  };

  const listAll = async (resource: string, token: string, params: { sort?: [string, string]; filter?: Record<string, unknown> } = {}) => {
    const first = await api.request('GET', `/api/${resource}${listQuery({ ...params, range: [0, 999] })}`, { token });
    const total = totalOf(first);
    const records = [...first.body];
    for (let start = 1000; start < total; start += 1000) {
      records.push(...(await api.request('GET', `/api/${resource}${listQuery({ ...params, range: [start, start + 999] })}`, { token })).body);
    }
    return { total, records };
  };

  describe('successful-xlsx-export', () => {
    it('exports the filtered, sorted list with Chinese headers, labels, dates and plain ID numbers for admin', async () => {
      const filter = { stage: 'primary' };
      const sort: [string, string] = ['name', 'ASC'];
      const res = await download(exportPath('students', { format: 'xlsx', filter, sort }), tokens.admin);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="students-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''%E5%AD%A6%E7%94%9F-\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
      expect(res.headers.get('access-control-expose-headers')).toContain('Content-Disposition');

      const { headers, rows, cell } = await readSheet(res.buffer);
      expect(headers).toEqual(STUDENT_HEADERS_ZH);
      const list = await listAll('students', tokens.admin, { filter, sort });
      expect(rows).toHaveLength(list.total);
      expect(rows.map((r) => cell(r, '编号').value)).toEqual(list.records.map((s: Student) => s.id));

      const schools = new Map((await listAll('schools', tokens.admin)).records.map((s: { id: number; name: string }) => [s.id, s.name]));
      rows.forEach((row, i) => {
        const student: Student = list.records[i];
        const idNumber = cell(row, '身份证号');
        expect(idNumber.type).toBe(ExcelJS.ValueType.String);
        expect(idNumber.value).toBe(student.idNumber);
        expect(idNumber.value).toMatch(/^\d{17}[\dX]$/);
        expect(cell(row, '学段').value).toBe('小学');
        expect(['男', '女']).toContain(cell(row, '性别').value);
        expect(['是', '否']).toContain(cell(row, '寄宿生').value);
        expect(cell(row, '学校').value).toBe(schools.get(student.schoolId));
        const birth = cell(row, '出生日期');
        expect(birth.type).toBe(ExcelJS.ValueType.Date);
        expect(birth.numFmt).toBe('yyyy-mm-dd');
        expect((birth.value as Date).toISOString().slice(0, 10)).toBe(student.birthDate);
      });
      expect(cell(rows[0], '学籍状态').value).toMatch(/^(在读|休学|转出|毕业|辍学)$/);
      expect(typeof cell(rows[0], '编号').value).toBe('number');
    });

    it('respects a descending sort', async () => {
      const res = await download(exportPath('students', { sort: ['name', 'DESC'], filter: { schoolId: (await firstSchool(tokens.school1)).id } }), tokens.admin);
      const { rows, cell } = await readSheet(res.buffer);
      const names = rows.map((r) => String(cell(r, '姓名').value));
      expect(names.length).toBeGreaterThan(10);
      // The database's C collation: code point order.
      expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    });

    it('masks sensitive values exactly as the list does for a school officer', async () => {
      const res = await download(exportPath('students', {}), tokens.school1);
      const { rows, cell } = await readSheet(res.buffer);
      const list = await listAll('students', tokens.school1, { sort: ['id', 'DESC'] });
      expect(rows).toHaveLength(list.total);
      rows.forEach((row, i) => {
        const student: Student = list.records[i];
        expect(cell(row, '身份证号').value).toBe(student.idNumber);
        expect(cell(row, '身份证号').value).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
        expect(cell(row, '身份证号').type).toBe(ExcelJS.ValueType.String);
        expect(cell(row, '联系电话').value ?? null).toBe(student.phone);
        expect(cell(row, '资助卡号').value ?? null).toBe(student.bankAccount);
      });
      expect(rows.some((r) => String(cell(r, '资助卡号').value).includes('*'))).toBe(true);
      expect(rows.some((r) => /^\d{11}$/.test(String(cell(r, '联系电话').value)))).toBe(true);
    });

    it('keeps a county to its own county, like its list', async () => {
      const ids = async (user: string) => {
        const { rows, cell } = await readSheet((await download(exportPath('students', {}), tokens[user])).buffer);
        return { ids: rows.map((r) => cell(r, '编号').value as number), schools: new Set(rows.map((r) => String(cell(r, '学校').value))) };
      };
      const yuzhou = await ids('yuzhou');
      const rongxian = await ids('rongxian');
      expect(yuzhou.ids).toHaveLength(totalOf(await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: tokens.yuzhou })));
      expect(rongxian.ids.length).toBeGreaterThan(0);
      expect(yuzhou.ids.filter((id) => rongxian.ids.includes(id))).toEqual([]);
      const yuzhouSchools = new Set<string>((await listAll('schools', tokens.yuzhou)).records.map((s: { name: string }) => s.name));
      expect([...yuzhou.schools].every((name) => yuzhouSchools.has(name))).toBe(true);
    });

    it('speaks English when asked, labels included', async () => {
      const res = await download(exportPath('students', { filter: { stage: 'junior' } }), tokens.admin, 'en');
      expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Students-");
      const { headers, rows, cell } = await readSheet(res.buffer);
      expect(headers.slice(0, 4)).toEqual(['ID', 'ID number', 'Name', 'Gender']);
      expect(cell(rows[0], 'Stage').value).toBe('Junior secondary');
      expect(['Yes', 'No']).toContain(cell(rows[0], 'Boarder').value);
    });

    it('joins enum lists with 、 and names referenced regions', async () => {
      const res = await download(exportPath('schools', { sort: ['code', 'ASC'] }), tokens.admin);
      const { headers, rows, cell } = await readSheet(res.buffer);
      expect(headers).toEqual(['编号', '学校标识码', '学校名称', '所在区划', '学段', '办学性质']);
      const schools = (await listAll('schools', tokens.admin, { sort: ['code', 'ASC'] })).records;
      const withTwoStages = schools.findIndex((s: { stages: string[] }) => s.stages.length > 1);
      expect(withTwoStages).toBeGreaterThanOrEqual(0);
      expect(String(cell(rows[withTwoStages], '学段').value)).toContain('、');
      const region = (await api.request('GET', `/api/regions/${schools[0].regionId}`, { token: tokens.admin })).body;
      expect(cell(rows[0], '所在区划').value).toBe(region.name);
      expect(cell(rows[0], '学校标识码').type).toBe(ExcelJS.ValueType.String);
    });

    it('exports every resource the admin may list, headed by its fields', async () => {
      const { body } = await api.request('GET', '/api/schema', { token: tokens.admin });
      for (const resource of body.resources as { name: string }[]) {
        const res = await download(exportPath(resource.name, {}), tokens.admin);
        expect({ resource: resource.name, status: res.status }).toEqual({ resource: resource.name, status: 200 });
        const { headers, rows } = await readSheet(res.buffer);
        expect(headers.length).toBeGreaterThan(1);
        const list = await api.request('GET', `/api/${resource.name}${listQuery({ range: [0, 0] })}`, { token: tokens.admin });
        if (totalOf(list) <= 10_000) expect({ resource: resource.name, rows: rows.length }).toEqual({ resource: resource.name, rows: totalOf(list) });
      }
    });

    it('never exports write-only fields', async () => {
      const res = await download(exportPath('users', {}), tokens.admin);
      const { headers } = await readSheet(res.buffer);
      expect(headers).toEqual(['编号', '用户名', '姓名', '角色', '所属区划', '所属学校', '启用']);
    });
  });

  describe('successful-csv-export', () => {
    it('writes UTF-8 with a BOM, RFC 4180 quoting and one line per row', async () => {
      const res = await download(exportPath('students', { format: 'csv', filter: { stage: 'primary' } }), tokens.admin);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/filename="students-[\d-]+\.csv"/);
      expect([...res.buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = res.buffer.toString('utf8').slice(1);
      const lines = text.split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines[0]).toBe(STUDENT_HEADERS_ZH.join(','));
      const { total } = await listAll('students', tokens.admin, { filter: { stage: 'primary' } });
      expect(lines).toHaveLength(total + 1);
      // An 18-digit ID number keeps a leading tab so Excel opens it as text, not 4.5E+17.
      expect(lines[1].split(',')[1]).toMatch(/^\t\d{17}[\dX]$|^\d{17}X$/);
    });

    it('writes GBK when asked', async () => {
      const res = await download(exportPath('students', { format: 'csv', encoding: 'gbk' }), tokens.school1);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=gbk');
      expect(res.buffer[0]).not.toBe(0xef);
      const text = iconv.decode(res.buffer, 'gbk');
      expect(text.split('\r\n')[0]).toBe(STUDENT_HEADERS_ZH.join(','));
      expect(text.split('\r\n')[1]).toContain('**********');
    });
  });

  describe('formula safety', () => {
    let created: { id: number };
    const hostile = { name: '=HYPERLINK("http://x.example","点我")', guardianName: '+1+cmd|\' /C calc\'!A0', className: '-2+3', grade: '@SUM(1,2)' };

    beforeAll(async () => {
      const school = await firstSchool(tokens.admin);
      const first17 = '45090220120315' + '987';
      const res = await api.request('POST', '/api/students', {
        token: tokens.admin,
        body: { idNumber: first17 + idNumberCheckChar(first17), schoolId: school.id, stage: school.stages[0], status: 'enrolled', ...hostile },
      });
      expect(res.status).toBe(201);
      created = res.body;
      expect(created).toMatchObject(hostile);
    });

    it('writes dangerous text as apostrophe-prefixed strings, never formulas, in xlsx', async () => {
      const res = await download(exportPath('students', { filter: { id: [created.id] } }), tokens.admin);
      const { rows, cell } = await readSheet(res.buffer);
      expect(rows).toHaveLength(1);
      for (const [header, value] of [['姓名', hostile.name], ['监护人', hostile.guardianName], ['班级', hostile.className], ['年级', hostile.grade]]) {
        const c = cell(rows[0], header);
        expect(c.value).toBe(`'${value}`);
        expect(c.type).toBe(ExcelJS.ValueType.String);
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(c.formula).toBeUndefined();
      }
    });

    it('prefixes the same fields in CSV', async () => {
      const res = await download(exportPath('students', { format: 'csv', filter: { id: [created.id] } }), tokens.admin);
      const line = res.buffer.toString('utf8').split('\r\n')[1];
      expect(line).toContain(`"'=HYPERLINK(""http://x.example"",""点我"")"`);
      expect(line).toContain(`,'+1+cmd|' /C calc'!A0,`);
      // grade then className: the comma inside the formula makes the field quoted.
      expect(line).toContain(`,"'@SUM(1,2)",'-2+3,`);
    });
  });

  describe('audit', () => {
    it('records one export row with the filter (personal data masked) and the row count', async () => {
      const { body: [student] } = await api.request('GET', `/api/students${listQuery({ range: [0, 0] })}`, { token: tokens.admin });
      const filter = { q: student.idNumber };
      const res = await download(exportPath('students', { format: 'csv', filter }), tokens.yuzhou);
      expect(res.status).toBe(200);
      const rows = res.buffer.toString('utf8').split('\r\n').length - 2;
      const audit = await api.request('GET', `/api/audit-log${listQuery({ filter: { action: 'export', resource: 'students' }, sort: ['id', 'DESC'] })}`, {
        token: tokens.admin,
      });
      expect(audit.body[0].after).toEqual({
        format: 'csv',
        filter: { q: `${student.idNumber.slice(0, 4)}**********${student.idNumber.slice(-4)}` },
        sort: ['id', 'DESC'],
        rows,
        complete: true,
      });
      expect(audit.body[0].recordId).toBe('*');
    });

    it('does not audit exports without personal data', async () => {
      const before = totalOf(await api.request('GET', `/api/audit-log${listQuery({ filter: { action: 'export' } })}`, { token: tokens.admin }));
      await download(exportPath('schools', {}), tokens.admin);
      const after = totalOf(await api.request('GET', `/api/audit-log${listQuery({ filter: { action: 'export' } })}`, { token: tokens.admin }));
      expect(after).toBe(before);
    });
  });

  it('is documented in OpenAPI for every resource', async () => {
    const { body } = await api.request('GET', '/api/docs-json');
    const operation = body.paths['/api/students/export'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(['format', 'encoding', 'sort', 'filter']);
    expect(Object.keys(operation.responses['200'].content)).toContain('text/csv');
    expect(body.paths['/api/schools/export']).toBeDefined();
  });

  describe('failing-export', () => {
    it.each([
      ['an unknown filter field', exportPath('students', { filter: { password: 'x' } }), 'admin', 400, 'BAD_QUERY'],
      ['a bad filter value', exportPath('students', { filter: { stage: 'nursery' } }), 'admin', 400, 'BAD_QUERY'],
      ['a filter that is not JSON', '/api/students/export?filter=%7Bnope', 'admin', 400, 'BAD_QUERY'],
      ['an unsortable field', exportPath('students', { sort: ['phone', 'ASC'] }), 'admin', 400, 'BAD_QUERY'],
      ['an unknown format', exportPath('students', { format: 'pdf' }), 'admin', 400, 'BAD_QUERY'],
      ['GBK for xlsx', exportPath('students', { format: 'xlsx', encoding: 'gbk' }), 'admin', 400, 'BAD_QUERY'],
      ['an inspector exporting users', exportPath('users', {}), 'inspector', 403, 'FORBIDDEN'],
      ['an unknown resource', exportPath('pets', {}), 'admin', 404, 'NOT_FOUND'],
    ])('rejects %s with the JSON error shape', async (_, path, user, status, code) => {
      const res = await download(path, tokens[user]);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(res.buffer.toString('utf8'))).toMatchObject({ statusCode: status, code, message: expect.any(String) });
      expect(res.headers.get('content-disposition')).toBeNull();
    });

    it('requires a login', async () => {
      const res = await fetch(`${api.baseUrl}/api/students/export`);
      expect(res.status).toBe(401);
    });

    // Last: it grows the table past one batch, which the tests above do not expect.
    it('stops, frees its connection and audits a partial export when the client hangs up', async () => {
      const db = new Client({ connectionString: api.databaseUrl });
      await db.connect();
      await db.query(`INSERT INTO students (id_number, name, gender, birth_date, school_id, stage, grade, class_name, status,
          household_region_id, boarding, guardian_name, phone, bank_account, scope_path, version)
        SELECT 'C' || g || '-' || s.id, s.name, s.gender, s.birth_date, s.school_id, s.stage, s.grade, s.class_name, s.status,
          s.household_region_id, s.boarding, s.guardian_name, s.phone, s.bank_account, s.scope_path, 1
        FROM students s CROSS JOIN generate_series(1, 8) g`);
      const [{ n: total }] = (await db.query('SELECT count(*)::int AS n FROM students')).rows;
      await db.end();

      const partial = async () => {
        const res = await api.request('GET', `/api/audit-log${listQuery({ filter: { action: 'export' }, sort: ['id', 'DESC'], range: [0, 5] })}`, {
          token: tokens.admin,
        });
        return res.body.find((row: { after: { complete: boolean } }) => row.after.complete === false)?.after;
      };
      // More hang-ups than there are export slots: a leaked slot or connection would hang the last download.
      for (let i = 0; i < 6; i++) {
        const controller = new AbortController();
        const response = await fetch(`${api.baseUrl}${exportPath('students', { format: i % 2 ? 'xlsx' : 'csv' })}`, {
          headers: { authorization: `Bearer ${tokens.admin}` },
          signal: controller.signal,
        });
        await response.body!.getReader().read();
        controller.abort();
      }
      let after: { rows: number } | undefined;
      for (let tries = 0; !after && tries < 50; tries++) {
        after = await partial();
        if (!after) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(after).toBeDefined();
      expect(after!.rows).toBeLessThan(total);

      const res = await download(exportPath('students', { format: 'csv' }), tokens.admin);
      expect(res.status).toBe(200);
      expect(res.buffer.toString('utf8').split('\r\n')).toHaveLength(total + 2);
      expect((await api.request('GET', '/api/students/1', { token: tokens.admin })).status).toBe(200);
    }, 60_000);
  });

  async function firstSchool(token: string): Promise<{ id: number; name: string; stages: string[] }> {
    return (await api.request('GET', `/api/schools${listQuery({ range: [0, 0] })}`, { token })).body[0];
  }
});
