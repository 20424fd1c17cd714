import { fireEvent, screen, within } from '@testing-library/react';
import type { PlanCompletion } from '@zizhu/schema';
import { renderInPanel } from '../testing/panel-harness';
import { CompletionTable } from './completion-table';

const BY_MONTH: PlanCompletion = {
  duties: [{ id: 1, title: '每月20日前上报月报' }],
  dutyId: null,
  units: [
    { key: 's1', name: '玉林市第一中学', schoolId: 1, regionId: null },
    { key: 'r450902', name: '玉州区', schoolId: null, regionId: '450902' },
  ],
  columns: [{ key: '2026-01' }, { key: '2026-02' }],
  cells: {
    s1: { '2026-01': { counts: { done: 1, missed: 1 } }, '2026-02': { counts: { done: 2 } } },
    r450902: { '2026-02': { counts: { late: 1 }, occurrenceId: 9, status: 'late' } },
  },
  totals: { s1: { done: 3, late: 0, missed: 1, open: 0 }, r450902: { done: 0, late: 1, missed: 0, open: 0 } },
};

describe('the completion table', () => {
  it('rows units, columns months; each cell done of due, coloured by its worst status; totals at the end', async () => {
    await renderInPanel(<CompletionTable data={BY_MONTH} />, { fields: [] });
    expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['单位', '1月', '2月', '按时', '逾期', '未完成', '进行中']);
    const school = screen.getByTestId('completion-row-s1');
    expect(within(school).getAllByRole('cell').map((td) => td.textContent)).toEqual(['1/2', '2/2', '3', '0', '1', '0']);
    expect(screen.getByTestId('cell-s1-2026-01').dataset.status).toBe('missed');
    expect(screen.getByTestId('cell-s1-2026-02').dataset.status).toBe('done');
    // No occurrence due in January for the county: an empty cell.
    expect(within(screen.getByTestId('completion-row-r450902')).getAllByRole('cell')[0].textContent).toBe('');
  });

  it('for one duty each cell names its status; a cell of one occurrence opens it', async () => {
    const opened = jest.fn();
    await renderInPanel(<CompletionTable data={{ ...BY_MONTH, dutyId: 1, columns: [{ key: '2026-02-20' }] , cells: { r450902: { '2026-02-20': { counts: { late: 1 }, occurrenceId: 9, status: 'late' } } } }} onOpen={opened} />, { fields: [] });
    expect(screen.getAllByRole('columnheader')[1].textContent).toBe('2/20');
    fireEvent.click(screen.getByTestId('cell-r450902-2026-02-20'));
    expect(screen.getByTestId('cell-r450902-2026-02-20').textContent).toBe('逾期');
    expect(opened).toHaveBeenCalledWith(9);
  });
});
