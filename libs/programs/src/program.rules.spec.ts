import { checkProgram, deadlineDate, tierForAidTier } from './program.rules';

const valid = {
  firstYear: 2026,
  fundingShares: [{ source: 'central', percent: 60 }, { source: 'city', percent: 40 }],
  applicationFields: [{ key: 'familySize', label: '家庭人口', type: 'number' }],
  approvalSteps: [{ label: '学校申报', role: 'school', level: 'school' }, { label: '县审核', role: 'county', level: 'county' }],
  termKind: 'semester',
  deadlines: [{ term: 'autumn', monthDay: '09-25' }],
};

describe('checkProgram', () => {
  it('accepts a consistent program', () => {
    expect(checkProgram(valid)).toBeNull();
  });

  it.each([
    ['an end before the start', { lastYear: 2025 }, 'lastYear'],
    ['shares not totalling 100', { fundingShares: [{ source: 'central', percent: 99 }] }, 'fundingShares'],
    ['duplicate field keys', { applicationFields: [{ key: 'a', label: 'A', type: 'text' }, { key: 'a', label: 'B', type: 'text' }] }, 'applicationFields.1.key'],
    ['a first step above the school', { approvalSteps: [{ label: '县', role: 'county', level: 'county' }] }, 'approvalSteps.0.role'],
    ['a school role above school level', { approvalSteps: [...valid.approvalSteps, { label: 'x', role: 'school', level: 'county' }] }, 'approvalSteps.2.level'],
    ['a yearly deadline on a per-term program', { deadlines: [{ term: 'yearly', monthDay: '09-01' }] }, 'deadlines.0.term'],
    ['a day the month lacks', { deadlines: [{ term: 'spring', monthDay: '02-30' }] }, 'deadlines.0.monthDay'],
  ])('points at the input for %s', (_case, change, field) => {
    expect(checkProgram({ ...valid, ...change })?.field).toBe(field);
  });
});

describe('tierForAidTier', () => {
  const tiers = [
    { code: 'T2', label: '二档', amount: 100000 },
    { code: 'T1', label: '一档', amount: 125000 },
    { code: 'T3', label: '三档', amount: 50000 },
  ];
  it.each([
    ['highest', 'T1'],
    ['tier1', 'T1'],
    [null, 'T1'],
    ['tier2', 'T2'],
    ['tier3', 'T3'],
  ])('maps the default aid tier %s to the program tier ranked by amount (%s)', (aidTier, code) => {
    expect(tierForAidTier(tiers, aidTier)?.code).toBe(code);
  });
  it('gives the lowest tier there is when the program has fewer, and nothing without tiers', () => {
    expect(tierForAidTier(tiers.slice(0, 2), 'tier3')?.code).toBe('T2');
    expect(tierForAidTier([], 'highest')).toBeUndefined();
  });
});

describe('deadlineDate', () => {
  it('keeps 02-29 in leap years and moves it to 02-28 in the others', () => {
    expect(deadlineDate(2028, '02-29')).toBe('2028-02-29');
    expect(deadlineDate(2026, '02-29')).toBe('2026-02-28');
    expect(deadlineDate(2026, '09-25')).toBe('2026-09-25');
  });
});
