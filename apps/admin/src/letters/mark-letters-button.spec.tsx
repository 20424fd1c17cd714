import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpError, ListContextProvider, type ListControllerResult, RecordContextProvider } from 'react-admin';
import { RecordTitle } from '../schema/coded-fields';
import { fieldSchema, renderInPanel, resourceSchema } from '../testing/panel-harness';
import { LetterPaymentsField } from './letter-payments-field';
import { markLetters } from './letters-api';
import { MarkLettersButton } from './mark-letters-button';

jest.mock('./letters-api', () => ({ ...jest.requireActual('./letters-api'), markLetters: jest.fn() }));
const mark = markLetters as jest.MockedFunction<typeof markLetters>;

function renderSelected(ids: number[]) {
  const list = { selectedIds: ids, onUnselectItems: () => undefined } as unknown as ListControllerResult;
  return renderInPanel(
    <ListContextProvider value={list}>
      <MarkLettersButton />
    </ListContextProvider>,
    { fields: [] },
  );
}

describe('marking letters from the list', () => {
  beforeEach(() => mark.mockReset());

  it('marks the selected letters’ receipts returned on the chosen date, then closes', async () => {
    mark.mockResolvedValue({ matched: 2, delivered: 1, receiptsReturned: 2, unchanged: 0 });
    await renderSelected([3, 5]);
    fireEvent.click(screen.getByRole('button', { name: '登记送达/回执' }));
    fireEvent.click(await screen.findByRole('radio', { name: '已回执' }));
    fireEvent.change(screen.getByTestId('mark-date'), { target: { value: '2026-05-12' } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(mark).toHaveBeenCalledWith({ ids: [3, 5], status: 'receiptReturned', date: '2026-05-12' }));
    await waitFor(() => expect(screen.queryByTestId('mark-letters-dialog')).toBeNull());
  });

  it('keeps the dialog open with the API’s reason when it refuses', async () => {
    mark.mockRejectedValue(new HttpError('提交的内容有误', 422, { errors: { date: '2 封告知书的送达日期晚于该回执日期（编号 7、9），未作任何修改' } }));
    await renderSelected([7, 9]);
    fireEvent.click(screen.getByRole('button', { name: '登记送达/回执' }));
    fireEvent.click(await screen.findByRole('button', { name: '确定' }));
    expect((await screen.findByRole('alert')).textContent).toContain('编号 7、9');
    expect(screen.getByTestId('mark-letters-dialog')).toBeTruthy();
  });
});

describe('a letter’s payments', () => {
  it('shows each payment in yuan, the refund beside it, the account masked', async () => {
    await renderInPanel(
      <RecordContextProvider
        value={{
          id: 1,
          payments: [
            { program: '普通高中国家助学金', amount: 70000, paid: 100000, refunded: 30000, date: '2026-04-18', account: '6217********1234' },
            { program: '寄宿生生活补助', amount: 62550, paid: 62550, refunded: 0, date: '2026-04-18', account: null },
          ],
        }}
      >
        <LetterPaymentsField />
      </RecordContextProvider>,
      { fields: [] },
    );
    const rows = screen.getByTestId('letter-payments').querySelectorAll('tbody tr');
    expect([...rows].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['普通高中国家助学金', '700.00', '300.00', '2026-04-18', '6217********1234'],
      ['寄宿生生活补助', '625.50', '—', '2026-04-18', '—'],
    ]);
  });
});

describe('a letter’s title', () => {
  it('names the term by its label, not its code', async () => {
    const term = fieldSchema('term', 'enum', { options: [{ value: 'spring', label: { zh: '春季学期', en: 'Spring term' } }] });
    const schema = resourceSchema('letters', [fieldSchema('year', 'integer'), term], { recordTitle: ['year', 'term'] });
    await renderInPanel(
      <RecordContextProvider value={{ id: 1, year: 2026, term: 'spring' }}>
        <RecordTitle schema={schema} />
      </RecordContextProvider>,
      { fields: [] },
    );
    expect(screen.getByText('春季学期')).toBeTruthy();
    expect(screen.queryByText('spring')).toBeNull();
  });
});
