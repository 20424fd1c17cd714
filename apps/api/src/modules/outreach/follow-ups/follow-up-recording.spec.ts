import { recordedValues, recordingProblems } from './follow-up-recording';

const NOW = new Date('2026-05-20T12:00:00+08:00');
const pending = { kind: 'phone', amountPaid: 125_000, reached: false, knewPolicy: false, clueId: null, amountCheck: null, reportedAmount: null };
const reached = { contactedAt: '2026-05-20T10:00:00+08:00', reached: true, contactName: '母亲', amountCheck: 'confirmed', satisfaction: 'satisfied' };
const problems = (change: Record<string, unknown>, before: Record<string, unknown> = pending, photoType: string | null = null) =>
  Object.keys(recordingProblems({ ...before, ...change }, before, { now: NOW, photoType }));

describe('recording a follow-up', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a reached family, every answer', reached, []],
    ['nothing said', {}, ['contactedAt', 'notes']],
    ['reached, nothing else', { reached: true }, ['contactedAt', 'contactName', 'amountCheck', 'satisfaction']],
    ['not reached with the reason', { contactedAt: reached.contactedAt, notes: '空号' }, []],
    ['a blank reason', { contactedAt: reached.contactedAt, notes: '  ' }, ['notes']],
    ['four minutes ahead (clock skew)', { ...reached, contactedAt: '2026-05-20T12:04:00+08:00' }, []],
    ['an hour ahead', { ...reached, contactedAt: '2026-05-20T13:00:00+08:00' }, ['contactedAt']],
    ['a different amount, no figure', { ...reached, amountCheck: 'different' }, ['reportedAmount']],
    ['a different amount equal to what was paid', { ...reached, amountCheck: 'different', reportedAmount: 125_000 }, ['reportedAmount']],
    ['a different amount', { ...reached, amountCheck: 'different', reportedAmount: 100_000 }, []],
    ['whether reached sent empty', { ...reached, reached: null }, ['reached']],
    ['whether the policy was known sent empty', { ...reached, knewPolicy: null }, ['knewPolicy']],
  ])('%s', (_case, change, fields) => {
    expect(problems(change)).toEqual(fields);
  });

  it('a visit needs a JPG or PNG photo', () => {
    const visit = { ...pending, kind: 'visit' };
    expect(problems(reached, visit)).toEqual(['evidenceFileId']);
    expect(problems({ ...reached, evidenceFileId: 3 }, visit, 'application/pdf')).toEqual(['evidenceFileId']);
    expect(problems({ ...reached, evidenceFileId: 3 }, visit, 'image/jpeg')).toEqual([]);
  });

  it('once a clue is opened the amount answer stays', () => {
    const opened = { ...pending, ...reached, amountCheck: 'different', reportedAmount: 100_000, clueId: 9 };
    expect(problems({ notes: '补充' }, opened)).toEqual([]);
    expect(problems({ amountCheck: 'confirmed' }, opened)).toEqual(['amountCheck']);
    expect(problems({ reportedAmount: 90_000 }, opened)).toEqual(['amountCheck']);
    expect(problems({ reached: false, notes: '改为未联系上' }, opened)).toEqual(['amountCheck']);
  });

  it('stores done and who recorded; clears answers that do not apply', () => {
    expect(recordedValues({ reached: false, amountCheck: 'confirmed' }, 4)).toEqual({ status: 'done', recordedBy: 4, knewPolicy: false, amountCheck: null, reportedAmount: null, satisfaction: null });
    expect(recordedValues({ reached: true, amountCheck: 'confirmed', reportedAmount: 5 }, 4)).toEqual({ status: 'done', recordedBy: 4, reportedAmount: null });
    expect(recordedValues({ reached: true, amountCheck: 'different', reportedAmount: 5 }, 4)).toEqual({ status: 'done', recordedBy: 4 });
  });
});
