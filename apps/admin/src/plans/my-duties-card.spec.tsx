import { fireEvent, screen, within } from '@testing-library/react';
import type { MyDuties, MyDuty } from '@zizhu/schema';
import { renderInPanel } from '../testing/panel-harness';
import { MyDutiesList } from './my-duties-card';

const duty = (id: number, overrides: Partial<MyDuty> = {}): MyDuty => ({
  id,
  dutyId: 1,
  title: `任务${id}`,
  planName: '玉州区2026年度计划',
  evidenceExpected: null,
  completionRule: 'manual',
  dueDate: '2026-03-20',
  periodStart: '2026-02-21',
  status: 'pending',
  returnReason: null,
  version: 1,
  ...overrides,
});

describe('the unit’s duties on its home page', () => {
  it('returned with the reason, overdue and due soon; 提交 only where the unit submits (manual duties)', async () => {
    const onSubmit = jest.fn();
    const duties: MyDuties = {
      returned: [duty(1, { status: 'returned', returnReason: '报表未盖章' })],
      overdue: Array.from({ length: 7 }, (_, i) => duty(10 + i, { status: 'missed', dueDate: '2026-01-20' })),
      dueSoon: [duty(20, { completionRule: 'recordsUpdated', title: '每月20日前更新系统数据' })],
    };
    await renderInPanel(<MyDutiesList duties={duties} onSubmit={onSubmit} />, { fields: [] });
    const returned = screen.getByTestId('my-duties-returned');
    expect(returned.textContent).toContain('已退回：报表未盖章');
    expect(within(returned).getByRole('button', { name: '重新提交' })).toBeTruthy();
    const overdue = screen.getByTestId('my-duties-overdue');
    expect(within(overdue).getAllByRole('link').filter((a) => a.textContent?.startsWith('任务'))).toHaveLength(5);
    expect(overdue.textContent).toContain('还有 2 项…');
    const soon = screen.getByTestId('my-duties-dueSoon');
    expect(soon.textContent).toContain('2026-03-20 截止');
    expect(within(soon).queryByRole('button', { name: '提交佐证' })).toBeNull();
    fireEvent.click(within(returned).getByRole('button', { name: '重新提交' }));
    expect(onSubmit).toHaveBeenCalledWith(duties.returned[0]);
  });

  it('nothing to do says so', async () => {
    await renderInPanel(<MyDutiesList duties={{ returned: [], overdue: [], dueSoon: [] }} onSubmit={() => undefined} />, { fields: [] });
    expect(screen.getByText('近期没有需要办理的任务')).toBeTruthy();
  });
});
