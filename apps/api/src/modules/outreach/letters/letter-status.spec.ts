import { letterStateProblem, statusOfDates } from './letter-status';

const TODAY = '2026-05-20';

describe('a letter’s status and dates', () => {
  it.each([
    [{ status: 'generated', deliveredAt: null, receiptReturnedAt: null }, null],
    [{ status: 'delivered', deliveredAt: '2026-05-10', receiptReturnedAt: null }, null],
    [{ status: 'receiptReturned', deliveredAt: '2026-05-10', receiptReturnedAt: '2026-05-10' }, null],
    [{ status: 'generated', deliveredAt: '2026-05-10', receiptReturnedAt: null }, 'status'],
    [{ status: 'delivered', deliveredAt: null, receiptReturnedAt: null }, 'deliveredAt'],
    [{ status: 'delivered', deliveredAt: '2026-05-10', receiptReturnedAt: '2026-05-12' }, 'receiptReturnedAt'],
    [{ status: 'receiptReturned', deliveredAt: '2026-05-10', receiptReturnedAt: null }, 'receiptReturnedAt'],
    [{ status: 'receiptReturned', deliveredAt: '2026-05-10', receiptReturnedAt: '2026-05-09' }, 'receiptReturnedAt'],
    [{ status: 'delivered', deliveredAt: '2026-05-21', receiptReturnedAt: null }, 'deliveredAt'],
    [{ status: 'receiptReturned', deliveredAt: '2026-05-10', receiptReturnedAt: '2026-06-01' }, 'receiptReturnedAt'],
  ] as const)('%j → a problem on %s', (state, field) => {
    expect(letterStateProblem(state, TODAY)?.field ?? null).toBe(field);
  });

  it('reads the status off the dates', () => {
    expect(statusOfDates(null, null)).toBe('generated');
    expect(statusOfDates('2026-05-10', null)).toBe('delivered');
    expect(statusOfDates('2026-05-10', '2026-05-11')).toBe('receiptReturned');
  });
});
