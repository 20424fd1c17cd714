import type { Json } from './test-app';

type Rec = Record<string, Json>;

/** What the designer sends for a valid program (the panel posts exactly this shape). */
export function designedProgram(overrides: Rec = {}): Rec {
  return {
    name: '普通高中国家助学金',
    code: 'GZ-GRANT',
    category: 'grant',
    regionId: '450900',
    stages: ['senior'],
    termKind: 'semester',
    firstYear: 2026,
    tiers: [
      { code: 'T1', label: '一档', amount: 125000 },
      { code: 'T2', label: '二档', amount: 100000 },
    ],
    fundingShares: [
      { source: 'central', percent: 60 },
      { source: 'provincial', percent: 30 },
      { source: 'city', percent: 10 },
    ],
    eligibilityRule: { combinator: 'and', rules: [{ field: 'status', operator: '=', value: 'enrolled' }] },
    applicationFields: [
      { key: 'familySize', label: '家庭人口', type: 'number', required: true },
      { key: 'hardship', label: '困难类型', type: 'select', options: '低收入,因病,因灾' },
    ],
    deadlines: [
      { term: 'spring', monthDay: '06-15' },
      { term: 'autumn', monthDay: '09-25' },
    ],
    ...overrides,
  };
}
