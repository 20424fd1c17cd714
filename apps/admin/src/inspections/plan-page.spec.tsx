import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FieldSchema } from '@zizhu/schema';
import { ResourceContextProvider, testDataProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { ResourceShow } from '../schema/resource-views';
import { fieldSchema, renderInPanel, resourceSchema } from '../testing/panel-harness';
import { actOnPlan } from './inspection-api';

jest.mock('./inspection-api', () => ({ ...jest.requireActual<object>('./inspection-api'), actOnPlan: jest.fn() }));
const planAction = actOnPlan as jest.MockedFunction<typeof actOnPlan>;

const PLAN_STATUSES = [
  { value: 'draft', label: { zh: '草稿', en: 'Draft' } },
  { value: 'published', label: { zh: '已发布', en: 'Published' } },
];
const PLANS = resourceSchema('inspection-plans', [
  fieldSchema('name', 'string', { label: { zh: '计划名称', en: 'Name' } }),
  fieldSchema('status', 'enum', { label: { zh: '状态', en: 'Status' }, options: PLAN_STATUSES, readOnly: true }),
]);
const INSPECTION_FIELDS: FieldSchema[] = [
  fieldSchema('planId', 'reference', { label: { zh: '检查计划', en: 'Plan' }, reference: 'inspection-plans', list: true }),
  fieldSchema('schoolId', 'reference', { label: { zh: '被检查学校', en: 'School' }, reference: 'schools', list: true }),
  fieldSchema('plannedDate', 'date', { label: { zh: '计划检查日期', en: 'Planned for' }, list: true, sort: true }),
  fieldSchema('status', 'enum', {
    label: { zh: '状态', en: 'Status' },
    readOnly: true,
    list: true,
    options: [
      { value: 'planned', label: { zh: '待检查', en: 'Planned' } },
      { value: 'started', label: { zh: '检查中', en: 'In progress' } },
    ],
  }),
  fieldSchema('score', 'number', { label: { zh: '得分', en: 'Score' }, readOnly: true, list: true }),
];
const INSPECTIONS = resourceSchema('inspections', INSPECTION_FIELDS);

async function renderPlan(status: string) {
  const inspections = jest.fn(async (_resource: string, _params: object) => ({
    data: [
      { id: 5, planId: 3, schoolId: 11, plannedDate: '2026-05-10', status: 'planned', mode: 'spot', score: null },
      { id: 6, planId: 3, schoolId: 12, plannedDate: '2026-05-11', status: 'started', mode: 'spot', score: null },
    ],
    total: 2,
  }));
  const dataProvider = testDataProvider({
    getOne: (async () => ({ data: { id: 3, name: '2026年春季专项检查', status, writable: true } })) as never,
    getMany: (async () => ({ data: [{ id: 11, name: '玉林市第一中学' }, { id: 12, name: '玉林市第二中学' }] })) as never,
    getManyReference: inspections as never,
  });
  await renderInPanel(
    <Routes>
      <Route
        path="/inspection-plans/:id/show"
        element={
          <ResourceContextProvider value="inspection-plans">
            <ResourceShow schema={PLANS} />
          </ResourceContextProvider>
        }
      />
    </Routes>,
    { fields: [], others: [PLANS, INSPECTIONS, resourceSchema('schools', [])], dataProvider, url: '/inspection-plans/3/show' },
  );
  return { inspections };
}

beforeEach(() => planAction.mockReset().mockResolvedValue({}));

describe('an inspection plan’s page', () => {
  it('lists its schools with their status and 开始检查 / 继续检查 for the one who fills them in', async () => {
    const { inspections } = await renderPlan('published');
    const table = await screen.findByTestId('plan-inspections');
    await within(table).findByText('玉林市第一中学');
    expect(inspections.mock.calls[0][1]).toMatchObject({ target: 'planId', id: 3 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('待检查')).toBeTruthy();
    expect(within(rows[0]).getByRole('button', { name: '开始检查' })).toBeTruthy();
    expect(within(rows[1]).getByRole('button', { name: '继续检查' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '添加检查学校' }).getAttribute('href')).toBe('/inspections/create');
  });

  it('发布计划 publishes a draft', async () => {
    await renderPlan('draft');
    fireEvent.click(await screen.findByRole('button', { name: '发布计划' }));
    await waitFor(() => expect(planAction).toHaveBeenCalledWith(3, 'publish'));
    expect(screen.queryByRole('button', { name: '结束计划' })).toBeNull();
  });

  it('结束计划 closes a published plan once confirmed', async () => {
    await renderPlan('published');
    fireEvent.click(await screen.findByRole('button', { name: '结束计划' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('结束后不能再开始新的检查');
    expect(planAction).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: '结束计划' }));
    await waitFor(() => expect(planAction).toHaveBeenCalledWith(3, 'close'));
  });
});
