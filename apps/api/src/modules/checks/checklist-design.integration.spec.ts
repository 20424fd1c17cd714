import { listQuery, startTestApp, type Json, type TestApp } from '../../testing/test-app';

type Rec = Record<string, Json>;

/** A definition as the designer sends it: two sections, scored choices, a data item and a conditional item. */
const DEFINITION = {
  sections: [
    {
      key: 'funds',
      title: '资金发放',
      weight: 2,
      items: [
        { key: 'paidOnTime', type: 'boolean', label: '资金按时足额发放', required: true, critical: true },
        { key: 'lateCount', type: 'number', label: '超期发放笔数', dataItem: 'latePayments' },
        {
          key: 'publicity',
          type: 'select',
          label: '公示情况',
          choices: [
            { value: 'full', label: '规范公示', score: 10 },
            { value: 'partial', label: '公示不全', score: 5 },
            { value: 'none', label: '未公示', score: 0 },
          ],
        },
        { key: 'publicityPhoto', type: 'file', label: '公示照片', visibleWhen: { '!=': [{ var: 'values.publicity' }, 'none'] } },
      ],
    },
    { key: 'files', title: '档案管理', items: [{ key: 'archive', type: 'yesNoNa', label: '一人一档', naAllowed: true }] },
  ],
};

/**
 * Designing and publishing a checklist through the API exactly as the panel does: a template,
 * its first draft (new-version), the draft's definition saved and checked, published, then
 * frozen; a new draft copies it with the same item keys; each county sees its own.
 */
describe('checklist design and publishing', () => {
  let api: TestApp;
  const token: Record<string, string> = {};
  let template: Rec;
  let draft: Rec;

  const call = (method: string, path: string, user: string, body?: Rec) => api.request(method, path, { token: token[user], body });

  beforeAll(async () => {
    api = await startTestApp();
    for (const user of ['admin', 'yuzhou', 'rongxian', 'school1', 'school2', 'inspector']) token[user] = await api.login(user);
    const created = await call('POST', '/api/checklist-templates', 'yuzhou', { code: 'YZ-ZXJC', name: '资助工作专项检查', kind: 'special', regionId: '450902', description: '玉州区' });
    expect(created.status).toBe(201);
    template = created.body;
  }, 120_000);
  afterAll(() => api.close());

  it('successful: the first draft starts from a starter, numbered 1, and takes the designed definition', async () => {
    const started = await call('POST', `/api/checklist-templates/${template.id}/new-version`, 'yuzhou', {});
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ templateId: template.id, number: 1, status: 'draft', passMark: 60, publishedAt: null });
    const saved = await call('PUT', `/api/checklist-versions/${started.body.id}`, 'yuzhou', { definition: DEFINITION, passMark: 80, version: started.body.version });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'draft', passMark: 80, definition: DEFINITION });
    draft = saved.body;
  });

  it.each([
    ['an unknown data item', { sections: [{ ...DEFINITION.sections[1], items: [{ key: 'x', type: 'number', label: '数', dataItem: 'nope' }] }] }, 'definition.sections.0.items.0.dataItem'],
    ['a condition on an unknown item', { sections: [{ ...DEFINITION.sections[1], items: [{ key: 'x', type: 'boolean', label: '是否', visibleWhen: { '==': [{ var: 'values.ghost' }, true] } }] }] }, 'definition.sections.0.items.0.visibleWhen'],
    ['a duplicate item key', { sections: [DEFINITION.sections[1], { key: 'more', title: '更多', items: DEFINITION.sections[1].items }] }, 'definition.sections.1.items.0.key'],
    ['no section', { sections: [] }, 'definition.sections'],
    ['not a definition', { rows: [] }, 'definition'],
  ])('failing: a draft saved with %s is a 422 on the faulty path', async (_name, definition, path) => {
    const response = await call('PUT', `/api/checklist-versions/${draft.id}`, 'yuzhou', { definition, version: draft.version });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual([path]);
    expect((await call('GET', `/api/checklist-versions/${draft.id}`, 'yuzhou')).body).toMatchObject({ version: draft.version, definition: DEFINITION });
  });

  it('failing: number and status are the server’s; a version cannot be created without a definition', async () => {
    const response = await call('POST', '/api/checklist-versions', 'yuzhou', { templateId: template.id, passMark: 60 });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.errors)).toEqual(['definition']);
    const created = await call('POST', '/api/checklist-versions', 'yuzhou', { templateId: template.id, passMark: 60, definition: DEFINITION, number: 9, status: 'published' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 2, status: 'draft' });
    expect((await call('DELETE', `/api/checklist-versions/${created.body.id}`, 'yuzhou')).status).toBe(200);
  });

  it('successful: publishing freezes the version; every write and delete is refused after', async () => {
    expect((await call('POST', `/api/checklist-versions/${draft.id}/retire`, 'yuzhou', {})).status).toBe(409);
    expect((await call('POST', `/api/checklist-versions/${draft.id}/publish`, 'school1', {})).status).toBe(403);
    const published = await call('POST', `/api/checklist-versions/${draft.id}/publish`, 'yuzhou', {});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedBy: expect.any(Number) });
    expect(published.body.publishedAt).not.toBeNull();
    const edit = await call('PUT', `/api/checklist-versions/${draft.id}`, 'yuzhou', { passMark: 50, version: published.body.version });
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'IN_USE', message: expect.stringMatching(/不能再修改|never changes/) });
    expect((await call('DELETE', `/api/checklist-versions/${draft.id}`, 'yuzhou')).status).toBe(409);
    expect((await call('POST', `/api/checklist-versions/${draft.id}/publish`, 'yuzhou', {})).status).toBe(409);
    expect((await call('GET', `/api/checklist-versions/${draft.id}`, 'yuzhou')).body).toMatchObject({ passMark: 80, status: 'published', definition: DEFINITION });
  });

  it('successful: a new draft copies the latest version with the same item keys; retiring the published one', async () => {
    const next = await call('POST', `/api/checklist-templates/${template.id}/new-version`, 'yuzhou', {});
    expect(next.status).toBe(201);
    // The removed draft's number is free again: drafts are never used.
    expect(next.body).toMatchObject({ number: 2, status: 'draft', passMark: 80, definition: DEFINITION });
    const retired = await call('POST', `/api/checklist-versions/${draft.id}/retire`, 'yuzhou', {});
    expect(retired.body).toMatchObject({ status: 'retired' });
    expect((await call('POST', `/api/checklist-versions/${draft.id}/publish`, 'yuzhou', {})).status).toBe(409);
  });

  it('county scope: the other county neither sees nor writes the template; schools and inspectors below read it', async () => {
    const versions = listQuery({ filter: { templateId: template.id } });
    expect((await call('GET', `/api/checklist-templates/${template.id}`, 'rongxian')).status).toBe(404);
    expect((await call('GET', `/api/checklist-versions${versions}`, 'rongxian')).body).toEqual([]);
    expect((await call('GET', `/api/checklist-versions${versions}`, 'school2')).body).toEqual([]);
    expect((await call('POST', `/api/checklist-templates/${template.id}/new-version`, 'rongxian', {})).status).toBe(404);
    expect((await call('GET', `/api/checklist-versions${versions}`, 'school1')).body).toHaveLength(2);
    expect((await call('GET', `/api/checklist-templates/${template.id}`, 'inspector')).status).toBe(200);
    expect((await call('POST', `/api/checklist-templates/${template.id}/new-version`, 'school1', {})).status).toBe(403);
    const elsewhere = await call('POST', '/api/checklist-templates', 'rongxian', { code: 'RX-ZC', name: '自查表', kind: 'self', regionId: '450902' });
    expect(elsewhere.status).toBe(403);
  });

  it('the data-item catalogue lists code, label and unit for designers only', async () => {
    const items = await call('GET', '/api/checklist-data-items', 'yuzhou');
    expect(items.body.map((i: Rec) => i.code)).toEqual(['specialTopTierShare', 'programExecutionRate', 'latePayments', 'verificationProgress', 'overdueClues']);
    expect(items.body[0]).toEqual({ code: 'specialTopTierShare', label: expect.objectContaining({ zh: expect.any(String) }), unit: { zh: '%', en: '%' } });
    expect((await call('GET', '/api/checklist-data-items', 'school1')).status).toBe(403);
  });
});
