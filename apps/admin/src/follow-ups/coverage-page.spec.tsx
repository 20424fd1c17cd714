import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OutreachCoverage, OutreachCoverageFigures } from '@zizhu/schema';
import { renderInPanel } from '../testing/panel-harness';
import { CoveragePage, currentTerm } from './coverage-page';
import { fetchCoverage } from './follow-up-api';

jest.mock('./follow-up-api', () => ({
  ...jest.requireActual<object>('./follow-up-api'),
  fetchCoverage: jest.fn(),
}));

const load = fetchCoverage as jest.MockedFunction<typeof fetchCoverage>;

const figures = (recipients: number): OutreachCoverageFigures => ({
  recipients,
  lettersGenerated: recipients,
  lettersDelivered: 0,
  receiptsReturned: 0,
  phoneDrawn: 0,
  phoned: 0,
  visitDrawn: 0,
  visited: 0,
  sharesBp: { lettersDelivered: 0, receiptsReturned: 0, phoned: 0, visited: 0 },
});

const CITY: OutreachCoverage = {
  year: 2026,
  term: 'spring',
  dueDate: null,
  place: { kind: 'region', id: '450900', name: '玉林市' },
  total: figures(12),
  regions: [{ regionId: '450902', regionName: '玉州区', ...figures(12) }],
  schools: [{ schoolId: 1, schoolName: '玉林市第一中学', regionId: '450902001', ...figures(12) }],
  campaigns: [{ id: 3, name: '春季电话回访', kind: 'phone', regionId: '450900', dueDate: '2026-06-30', status: 'drawn' }],
};
const COUNTY: OutreachCoverage = { ...CITY, place: { kind: 'region', id: '450902', name: '玉州区' }, regions: [{ regionId: '450902001', regionName: '城西街道', ...figures(12) }] };

/** The page rendered, its first answer loaded inside act (the fetch resolves right after the render). */
const show = () => act(async () => void (await renderInPanel(<CoveragePage />, { fields: [] })));

describe('CoveragePage', () => {
  beforeEach(() => {
    load.mockReset();
    load.mockImplementation(async (query) => (query.regionId === '450902' ? COUNTY : query.dueDate ? { ...CITY, dueDate: query.dueDate, total: figures(7) } : CITY));
  });

  it('loads the current term for the reader’s region, then drills into a county and back up', async () => {
    await show();
    await screen.findByText('玉林市 · 合计');
    expect(load).toHaveBeenLastCalledWith({ ...currentTerm(), regionId: undefined });
    expect(within(screen.getByTestId('coverage-schools')).getByText('玉林市第一中学')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '玉州区' }));
    expect(await screen.findByText('玉州区 · 合计')).toBeTruthy();
    expect(load).toHaveBeenLastCalledWith(expect.objectContaining({ regionId: '450902' }));
    expect(screen.getByRole('button', { name: '城西街道' })).toBeTruthy();

    fireEvent.click(screen.getByTestId('coverage-up'));
    expect(await screen.findByText('玉林市 · 合计')).toBeTruthy();
    expect(load).toHaveBeenLastCalledWith(expect.objectContaining({ regionId: undefined }));
  });

  it('counts by a campaign’s due date when its chip is clicked', async () => {
    await show();
    fireEvent.click(await screen.findByText('春季电话回访 · 电话回访 · 2026-06-30'));
    await waitFor(() => expect(load).toHaveBeenLastCalledWith(expect.objectContaining({ dueDate: '2026-06-30' })));
    await waitFor(() => expect(within(screen.getByTestId('coverage-row-total')).getAllByRole('cell')[1].textContent).toBe('7'));
    expect((screen.getByTestId('coverage-due-date') as HTMLInputElement).value).toBe('2026-06-30');
  });

  it('says so when nobody was paid in the term', async () => {
    load.mockResolvedValue({ ...CITY, total: figures(0), regions: [], schools: [], campaigns: [] });
    await show();
    expect(await screen.findByText('本学期该范围内没有受助学生')).toBeTruthy();
  });

  it('defaults to spring until August and autumn after', () => {
    expect(currentTerm(new Date(2026, 4, 1))).toEqual({ year: 2026, term: 'spring' });
    expect(currentTerm(new Date(2026, 10, 1))).toEqual({ year: 2026, term: 'autumn' });
  });
});
