import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ResourceContextProvider, testDataProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { ResourceShow } from '../schema/resource-views';
import { fieldSchema, renderInPanel, resourceSchema } from '../testing/panel-harness';
import { CHECKLIST_TEMPLATES_RESOURCE, CHECKLIST_VERSIONS_RESOURCE, newChecklistVersion } from './checklist-api';

jest.mock('./checklist-api', () => ({ ...jest.requireActual<object>('./checklist-api'), newChecklistVersion: jest.fn(async () => ({ id: 41 })) }));
const newVersion = newChecklistVersion as jest.MockedFunction<typeof newChecklistVersion>;

const TEMPLATE_FIELDS = [fieldSchema('name', 'string', { label: { zh: '模板名称', en: 'Name' } })];
const VERSIONS = resourceSchema(CHECKLIST_VERSIONS_RESOURCE, [
  fieldSchema('templateId', 'reference', { label: { zh: '模板', en: 'Template' }, reference: CHECKLIST_TEMPLATES_RESOURCE, list: true }),
  fieldSchema('number', 'integer', { label: { zh: '版本号', en: 'Version' }, list: true }),
  fieldSchema('status', 'enum', {
    label: { zh: '状态', en: 'Status' },
    list: true,
    options: [
      { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
      { value: 'published', label: { zh: '已发布', en: 'Published' } },
    ],
  }),
]);

async function renderTemplate({ canUpdate, writable = true, versions = [] as object[] }: { canUpdate: boolean; writable?: boolean; versions?: object[] }) {
  const templates = resourceSchema(CHECKLIST_TEMPLATES_RESOURCE, TEMPLATE_FIELDS, { can: { list: true, create: canUpdate, update: canUpdate, delete: false } });
  const dataProvider = testDataProvider({
    getOne: (async () => ({ data: { id: 3, name: '资助工作专项检查', writable } })) as never,
    getManyReference: (async () => ({ data: versions, total: versions.length })) as never,
    getMany: (async () => ({ data: [{ id: 3, name: '资助工作专项检查' }] })) as never,
  });
  await renderInPanel(
    <Routes>
      <Route
        path="/checklist-templates/:id/show"
        element={
          <ResourceContextProvider value={CHECKLIST_TEMPLATES_RESOURCE}>
            <ResourceShow schema={templates} />
          </ResourceContextProvider>
        }
      />
      <Route path="/checklist-versions/:id" element={<p>the designer of version 41</p>} />
      <Route path="/checklist-versions/:id/show" element={<p>a version’s page</p>} />
    </Routes>,
    { fields: [], others: [templates, VERSIONS], dataProvider, url: '/checklist-templates/3/show' },
  );
  await screen.findAllByText('资助工作专项检查');
}

describe('a checklist template’s page', () => {
  beforeEach(() => newVersion.mockClear());

  it('新建版本 starts a draft and opens it in the designer', async () => {
    await renderTemplate({ canUpdate: true });
    await screen.findByText('尚无版本：点击“新建版本”开始设计检查内容');
    fireEvent.click(screen.getByRole('button', { name: '新建版本' }));
    expect(await screen.findByText('the designer of version 41')).toBeTruthy();
    expect(newVersion).toHaveBeenCalledWith(3);
  });

  it.each([
    ['who may only read templates (an inspector, a school)', { canUpdate: false }],
    ['a county reading the city’s template', { canUpdate: true, writable: false }],
  ])('offers no 新建版本 to %s', async (_case, options) => {
    await renderTemplate(options);
    await screen.findByTestId('template-versions');
    expect(screen.queryByRole('button', { name: '新建版本' })).toBeNull();
  });

  it('lists its versions with their status; a row opens the version', async () => {
    await renderTemplate({
      canUpdate: true,
      versions: [
        { id: 42, templateId: 3, number: 2, status: 'draft' },
        { id: 41, templateId: 3, number: 1, status: 'published' },
      ],
    });
    const published = await screen.findByText('已发布');
    expect(screen.getByText('草稿')).toBeTruthy();
    fireEvent.click(published);
    await waitFor(() => expect(screen.getByText('a version’s page')).toBeTruthy());
  });
});
