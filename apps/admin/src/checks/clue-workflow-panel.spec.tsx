import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SessionUser } from '@zizhu/schema';
import { RecordContextProvider, ResourceContextProvider, testDataProvider } from 'react-admin';
import { fieldSchema, renderInPanel, resourceSchema } from '../testing/panel-harness';
import { CLUES_RESOURCE, reviewClue } from './clue-api';
import { ClueWorkflowPanel } from './clue-workflow-panel';

jest.mock('./clue-api', () => ({ ...jest.requireActual<object>('./clue-api'), reviewClue: jest.fn(async () => undefined) }));
let mockRole = 'county';
jest.mock('../providers/use-session-user', () => ({
  useSessionUser: (): Partial<SessionUser> => ({ id: 1, role: mockRole as SessionUser['role'], displayName: '测试' }),
}));

const review = reviewClue as jest.MockedFunction<typeof reviewClue>;

const CLUES = resourceSchema(CLUES_RESOURCE, [
  fieldSchema('status', 'enum', {
    label: { zh: '状态', en: 'Status' },
    readOnly: true,
    options: [
      { value: 'open', label: { zh: '待核实', en: 'Open' } },
      { value: 'answered', label: { zh: '已反馈', en: 'Answered' } },
    ],
  }),
]);

async function renderClue(role: string, clue: { source: string; status: string }) {
  mockRole = role;
  await renderInPanel(
    <ResourceContextProvider value={CLUES_RESOURCE}>
      <RecordContextProvider value={{ id: 9, version: 2, kind: '资金按时足额发放', ...clue }}>
        <ClueWorkflowPanel />
      </RecordContextProvider>
    </ResourceContextProvider>,
    { fields: [], others: [CLUES], dataProvider: testDataProvider() },
  );
  await screen.findByTestId('clue-status');
}

const reviewButtons = () => screen.queryAllByRole('button').map((button) => button.textContent);

describe('ClueWorkflowPanel: who takes the next step', () => {
  beforeEach(() => review.mockClear());

  it.each([
    ['the county, any clue', 'county', 'audit', true, '等待区县审核学校的反馈'],
    ['the admin, an inspection finding', 'admin', 'inspection', true, '等待区县或督查人员审核学校的整改情况'],
    ['an inspector, an inspection finding', 'inspector', 'inspection', true, '等待区县或督查人员审核学校的整改情况'],
    ['an inspector, a clue of an audit', 'inspector', 'audit', false, '等待区县审核学校的反馈'],
    ['an inspector, a clue of the comparison', 'inspector', 'comparison', false, '等待区县审核学校的反馈'],
    ['a school, its own inspection finding', 'school', 'inspection', false, '等待区县或督查人员审核学校的整改情况'],
    ['finance', 'finance', 'funds', false, '等待区县审核学校的反馈'],
  ])('an answered clue: %s (%s, source %s) — 办结 / 退回 shown: %p', async (_case, role, source, shown, waiting) => {
    await renderClue(role, { source, status: 'answered' });
    expect(reviewButtons()).toEqual(shown ? ['办结', '退回'] : []);
    expect(screen.getByText(waiting)).toBeTruthy();
  });

  it('an open inspection finding waits for the school, whoever looks: no review for the inspector yet', async () => {
    await renderClue('inspector', { source: 'inspection', status: 'open' });
    expect(reviewButtons()).toEqual([]);
    expect(screen.getByText('等待学校反馈核实情况')).toBeTruthy();
  });

  it.each([
    ['an inspection finding: the county or the inspector', 'inspection', '提交后由区县或督查人员审核销号'],
    ['another clue: the county', 'audit', '提交后由区县审核'],
  ])('the school’s answer dialog says who reviews it — %s', async (_case, source, reviewer) => {
    await renderClue('school', { source, status: 'open' });
    fireEvent.click(screen.getByRole('button', { name: '反馈核实情况' }));
    expect(within(await screen.findByRole('dialog')).getByText(reviewer, { exact: false })).toBeTruthy();
  });

  it('an inspector accepts (销号) an answered finding with a comment and the version read', async () => {
    await renderClue('inspector', { source: 'inspection', status: 'answered' });
    fireEvent.click(screen.getByRole('button', { name: '办结' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('办结：资金按时足额发放')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('审核意见'), { target: { value: '整改到位' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '办结' }));
    await waitFor(() => expect(review).toHaveBeenCalledWith(9, 'accept', '整改到位', 2));
  });
});
