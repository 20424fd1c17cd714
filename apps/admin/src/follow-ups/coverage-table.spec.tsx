import { fireEvent, screen, within } from '@testing-library/react';
import type { OutreachCoverageFigures } from '@zizhu/schema';
import { renderInPanel } from '../testing/panel-harness';
import { CoverageTable } from './coverage-table';

const figures = (values: Partial<OutreachCoverageFigures>): OutreachCoverageFigures => ({
  recipients: 0,
  lettersGenerated: 0,
  lettersDelivered: 0,
  receiptsReturned: 0,
  phoneDrawn: 0,
  phoned: 0,
  visitDrawn: 0,
  visited: 0,
  sharesBp: { lettersDelivered: null, receiptsReturned: null, phoned: null, visited: null },
  ...values,
});

const cells = (key: string) => within(screen.getByTestId(`coverage-row-${key}`)).getAllByRole('cell').map((cell) => cell.textContent);

describe('CoverageTable', () => {
  it('shows each count with its share of recipients, calls and visits with how many were drawn', async () => {
    await renderInPanel(
      <CoverageTable
        testId="t"
        rows={[
          {
            key: 'total',
            label: '玉林市 · 合计',
            figures: figures({
              recipients: 10, lettersGenerated: 6, lettersDelivered: 4, receiptsReturned: 2, phoneDrawn: 10, phoned: 2, visitDrawn: 2, visited: 1,
              sharesBp: { lettersDelivered: 4000, receiptsReturned: 2000, phoned: 2000, visited: 1000 },
            }),
          },
          { key: 'empty', label: '博白县', figures: figures({}) },
        ]}
      />,
      { fields: [] },
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['区域 / 学校', '受助学生', '已生成告知书', '告知书已送达', '回执已收回', '电话回访联系上', '入户走访']);
    expect(cells('total')).toEqual(['玉林市 · 合计', '10', '6', '440.00%', '220.00%', '2抽样 1020.00%', '1抽样 210.00%']);
    expect(cells('empty')).toEqual(['博白县', '0', '0', '0—', '0—', '0抽样 0—', '0抽样 0—']);
  });

  it('opens a row that can be opened (a region drills down); the total is plain text', async () => {
    const open = jest.fn();
    await renderInPanel(
      <CoverageTable
        testId="t"
        rows={[
          { key: 'total', label: '玉林市 · 合计', figures: figures({ recipients: 1 }) },
          { key: 'region-450902', label: '玉州区', figures: figures({ recipients: 1 }), onOpen: open },
        ]}
      />,
      { fields: [] },
    );
    expect(screen.queryByRole('button', { name: '玉林市 · 合计' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '玉州区' }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('reads in English', async () => {
    await renderInPanel(<CoverageTable testId="t" rows={[]} />, { fields: [], locale: 'en' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Reached by phone');
  });
});
