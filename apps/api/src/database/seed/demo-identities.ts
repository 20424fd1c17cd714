import { buildRegionTree, buildSchools, generateStudents, type StudentRow } from '@zizhu/demo-data';

/** One list per department, as the four departments hand them over (seed 000). */
export const DEMO_IDENTITY_LISTS = [
  { name: '2026年秋季建档立卡脱贫户学生名单', department: 'poverty', typeName: '建档立卡贫困户', documentNumber: '玉乡振发〔2026〕12号' },
  { name: '2026年9月城乡低保对象名单', department: 'civilAffairs', typeName: '最低生活保障', documentNumber: '玉民发〔2026〕31号' },
  { name: '2026年残疾人名单', department: 'disabledFederation', typeName: '残疾', documentNumber: '玉残联〔2026〕5号' },
  { name: '2026年建档困难职工名单', department: 'tradeUnion', typeName: '建档困难职工', documentNumber: '玉工发〔2026〕8号' },
] as const;

export interface DemoIdentity {
  listIndex: number;
  idNumber: string;
  name: string;
  householdHead: string;
  householdRegionId: string;
}

/** Every STRIDE-th student becomes a listed person, so runs find realistic matches. */
const STRIDE = 17;

/**
 * A few hundred identity rows: most name enrolled demo students exactly, one in ten spells
 * the name differently (a 疑似 match for schools to confirm), and some name people who
 * study elsewhere (no enrolled student: 县外/市外就读).
 */
export function demoIdentities(sampled: readonly StudentRow[], elsewhereCount = 40): DemoIdentity[] {
  const rows: DemoIdentity[] = sampled.map((s, i) => ({
    listIndex: i % DEMO_IDENTITY_LISTS.length,
    idNumber: s.idNumber,
    name: i % 10 === 9 ? s.name.slice(0, -1) + (s.name.endsWith('华') ? '化' : '华') : s.name,
    householdHead: s.guardianName,
    householdRegionId: s.householdRegionId,
  }));
  const regions = buildRegionTree();
  const elsewhere = generateStudents({ schools: buildSchools(regions), regions, count: elsewhereCount, seed: 7_770_001 });
  let i = 0;
  for (const s of elsewhere) {
    rows.push({ listIndex: i++ % DEMO_IDENTITY_LISTS.length, idNumber: s.idNumber, name: s.name, householdHead: s.guardianName, householdRegionId: s.householdRegionId });
  }
  return rows;
}

export function sampledForIdentities(index: number): boolean {
  return index % STRIDE === 0;
}
