import { DEFAULT_APPROVAL_STEPS, programResource } from '@zizhu/programs';
import { columnName } from '@zizhu/schema';
import type { PoolClient } from 'pg';

const ENROLLED = { field: 'status', operator: '=', value: 'enrolled' };
const SPECIAL = { field: 'marks', operator: 'hasAny' };
const TERM_DEADLINES = [
  { term: 'spring', monthDay: '06-15' },
  { term: 'autumn', monthDay: '09-25' },
];

/**
 * Four programs of the seeds' notices (002, 003), as an administrator would design them:
 * standards per term in fen, shares by source, rules over stage, status, boarding and marks.
 */
export const DEMO_PROGRAMS = [
  {
    name: '学前教育幼儿资助',
    code: 'PRESCHOOL-AID',
    category: 'livingSubsidy',
    stages: ['preschool'],
    tiers: [{ code: 'T1', label: '资助标准', amount: 50000 }],
    fundingShares: [{ source: 'central', percent: 50 }, { source: 'provincial', percent: 30 }, { source: 'county', percent: 20 }],
    eligibilityRule: { combinator: 'and', rules: [{ field: 'stage', operator: '=', value: 'preschool' }, ENROLLED, SPECIAL] },
    applicationFields: [],
  },
  {
    name: '义务教育家庭经济困难寄宿生生活补助',
    code: 'BOARDING-SUBSIDY',
    category: 'livingSubsidy',
    stages: ['primary', 'junior'],
    tiers: [
      { code: 'PRIMARY', label: '小学', amount: 50000 },
      { code: 'JUNIOR', label: '初中', amount: 62500 },
    ],
    fundingShares: [{ source: 'central', percent: 50 }, { source: 'provincial', percent: 30 }, { source: 'county', percent: 20 }],
    eligibilityRule: { combinator: 'and', rules: [{ field: 'stage', operator: 'in', value: ['primary', 'junior'] }, { field: 'boarding', operator: '=', value: true }, ENROLLED] },
    applicationFields: [{ key: 'hardship', label: '困难类型', type: 'select', required: true, options: '低收入家庭,因病致困,因灾致困,其他' }],
  },
  {
    name: '普通高中国家助学金',
    code: 'HS-GRANT',
    category: 'grant',
    stages: ['senior'],
    tiers: [
      { code: 'T1', label: '一档', amount: 125000 },
      { code: 'T2', label: '二档', amount: 100000 },
      { code: 'T3', label: '三档', amount: 75000 },
    ],
    fundingShares: [{ source: 'central', percent: 60 }, { source: 'provincial', percent: 30 }, { source: 'city', percent: 10 }],
    eligibilityRule: { combinator: 'and', rules: [{ field: 'stage', operator: '=', value: 'senior' }, ENROLLED] },
    applicationFields: [
      { key: 'familySize', label: '家庭人口', type: 'number', required: true },
      { key: 'monthlyIncome', label: '家庭月收入（元）', type: 'number', required: true },
      { key: 'hardship', label: '困难类型', type: 'select', options: '低收入家庭,因病致困,因灾致困,其他' },
    ],
  },
  {
    name: '中等职业学校国家助学金',
    code: 'VOC-GRANT',
    category: 'grant',
    stages: ['vocational'],
    tiers: [{ code: 'T1', label: '资助标准', amount: 100000 }],
    fundingShares: [{ source: 'central', percent: 80 }, { source: 'provincial', percent: 20 }],
    eligibilityRule: { combinator: 'and', rules: [{ field: 'stage', operator: '=', value: 'vocational' }, ENROLLED] },
    applicationFields: [{ key: 'major', label: '所学专业', type: 'text', required: true }],
  },
];

export async function seedPrograms(client: PoolClient, cityId: string, cityPath: string): Promise<void> {
  const keys = ['name', 'code', 'category', 'stages', 'tiers', 'fundingShares', 'eligibilityRule', 'applicationFields'] as const;
  const fixed = { regionId: cityId, termKind: 'semester', firstYear: 2024, active: true, autoEnrol: true, approvalSteps: DEFAULT_APPROVAL_STEPS, deadlines: TERM_DEADLINES };
  const columns = [...keys, ...Object.keys(fixed)].map((key) => `"${columnName(key, programResource.fields[key])}"`);
  const fieldKeys = [...keys, ...Object.keys(fixed)];
  for (const program of DEMO_PROGRAMS) {
    const values = [...keys.map((key) => program[key]), ...Object.values(fixed)].map((v, i) =>
      programResource.fields[fieldKeys[i]].type === 'json' ? JSON.stringify(v) : v,
    );
    const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
    await client.query(
      `INSERT INTO programs (${columns.join(', ')}, scope_path, version) VALUES (${placeholders}, $${values.length + 1}, 1)`,
      [...values, cityPath],
    );
  }
}
