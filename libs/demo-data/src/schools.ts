import type { RegionRow } from './region-tree';

/** The STAGES values (libs/schema enums.ts) that demo schools teach; no higher education. */
export type DemoStage = 'preschool' | 'primary' | 'junior' | 'senior' | 'vocational';
export const DEMO_STAGES: readonly DemoStage[] = ['preschool', 'primary', 'junior', 'senior', 'vocational'];

export type SchoolOwnership = 'public' | 'private';

/** One row of the schools resource. */
export interface SchoolRow {
  code: string;
  name: string;
  regionId: string;
  stages: DemoStage[];
  ownership: SchoolOwnership;
}

interface SchoolSpec {
  county: string;
  township: string;
  name: string;
  stages: DemoStage[];
  ownership?: SchoolOwnership;
  /** Rough enrolment, used to spread students over schools. */
  size: number;
}

const P: DemoStage[] = ['primary'];
const J: DemoStage[] = ['junior'];
const K: DemoStage[] = ['preschool'];
const S: DemoStage[] = ['senior'];
const V: DemoStage[] = ['vocational'];
const PJ: DemoStage[] = ['primary', 'junior'];

const SPECS: readonly SchoolSpec[] = [
  { county: '玉州区', township: '玉城街道', name: '玉林市第一中学', stages: S, size: 4200 },
  { county: '玉州区', township: '名山街道', name: '玉林市第一职业中等专业学校', stages: V, size: 3600 },
  { county: '玉州区', township: '玉城街道', name: '玉林市玉州区第一幼儿园', stages: K, size: 420 },
  { county: '玉州区', township: '南江街道', name: '玉林市玉州区启航幼儿园', stages: K, ownership: 'private', size: 260 },
  { county: '玉州区', township: '名山街道', name: '玉林市玉州区名山街道中心小学', stages: P, size: 2100 },
  { county: '玉州区', township: '大塘镇', name: '玉林市玉州区大塘镇中心小学', stages: P, size: 1300 },
  { county: '玉州区', township: '仁东镇', name: '玉林市玉州区仁东镇初级中学', stages: J, size: 1400 },
  { county: '福绵区', township: '福绵镇', name: '玉林市福绵高级中学', stages: S, size: 3000 },
  { county: '福绵区', township: '福绵镇', name: '玉林市福绵区福绵镇中心小学', stages: P, size: 1500 },
  { county: '福绵区', township: '成均镇', name: '玉林市福绵区成均镇初级中学', stages: J, size: 1200 },
  { county: '福绵区', township: '新桥镇', name: '玉林市福绵区新桥镇九年一贯制学校', stages: PJ, size: 1100 },
  { county: '容县', township: '容州镇', name: '容县高级中学', stages: S, size: 4000 },
  { county: '容县', township: '容州镇', name: '容县职业中等专业学校', stages: V, size: 2800 },
  { county: '容县', township: '容州镇', name: '容县实验幼儿园', stages: K, size: 450 },
  { county: '容县', township: '容州镇', name: '容县容州镇中心小学', stages: P, size: 2200 },
  { county: '容县', township: '杨梅镇', name: '容县杨梅镇初级中学', stages: J, size: 1300 },
  { county: '容县', township: '自良镇', name: '容县自良镇九年一贯制学校', stages: PJ, size: 900 },
  { county: '陆川县', township: '温泉镇', name: '陆川县中学', stages: S, size: 4300 },
  { county: '陆川县', township: '温泉镇', name: '陆川县实验幼儿园', stages: K, size: 480 },
  { county: '陆川县', township: '温泉镇', name: '陆川县温泉镇中心小学', stages: P, size: 2000 },
  { county: '陆川县', township: '马坡镇', name: '陆川县马坡镇初级中学', stages: J, size: 1500 },
  { county: '陆川县', township: '乌石镇', name: '陆川县乌石镇爱心幼儿园', stages: K, ownership: 'private', size: 220 },
  { county: '博白县', township: '博白镇', name: '博白县中学', stages: S, size: 4600 },
  { county: '博白县', township: '博白镇', name: '博白县职业教育中心', stages: V, size: 3200 },
  { county: '博白县', township: '博白镇', name: '博白县博白镇中心小学', stages: P, size: 2500 },
  { county: '博白县', township: '东平镇', name: '博白县东平镇初级中学', stages: J, size: 1700 },
  { county: '博白县', township: '龙潭镇', name: '博白县龙潭镇中心幼儿园', stages: K, size: 350 },
  { county: '博白县', township: '浪平乡', name: '博白县浪平乡中心学校', stages: PJ, size: 800 },
  { county: '兴业县', township: '石南镇', name: '兴业县高级中学', stages: S, size: 3300 },
  // Rural 中心小学 often run an attached preschool class (附设学前班).
  { county: '兴业县', township: '石南镇', name: '兴业县石南镇中心小学', stages: ['preschool', 'primary'], size: 1800 },
  { county: '兴业县', township: '葵阳镇', name: '兴业县葵阳镇初级中学', stages: J, size: 1300 },
  { county: '北流市', township: '陵城街道', name: '北流市高级中学', stages: S, size: 4500 },
  { county: '北流市', township: '城南街道', name: '北流市职业教育中心', stages: V, size: 3400 },
  { county: '北流市', township: '陵城街道', name: '北流市实验幼儿园', stages: K, size: 500 },
  { county: '北流市', township: '城南街道', name: '北流市城南街道中心小学', stages: P, size: 2300 },
  { county: '北流市', township: '民乐镇', name: '北流市民乐镇初级中学', stages: J, size: 1600 },
  { county: '北流市', township: '隆盛镇', name: '北流市隆盛镇九年一贯制学校', stages: PJ, size: 1000 },
];

const SIZE_BY_NAME = new Map(SPECS.map((s) => [s.name, s.size]));
/** Fallback enrolment for schools not in the demo list: high schools are the biggest. */
const SIZE_BY_STAGE: Record<DemoStage, number> = { preschool: 350, primary: 1500, junior: 1400, senior: 3800, vocational: 3000 };

/** Rough enrolment of a school, used to spread generated students over schools. */
export function schoolSizeWeight(school: SchoolRow): number {
  return SIZE_BY_NAME.get(school.name) ?? Math.max(...school.stages.map((s) => SIZE_BY_STAGE[s]));
}

/**
 * ~37 schools over every county and stage, in a stable order (a school's 1-based position
 * is its database id). Codes are 2145 (Guangxi) + county suffix + a 4-digit serial.
 */
export function buildSchools(regions: readonly RegionRow[]): SchoolRow[] {
  const countyByName = new Map(regions.filter((r) => r.level === 'county').map((r) => [r.name, r]));
  const serialByCounty = new Map<string, number>();
  return SPECS.map((spec) => {
    const county = countyByName.get(spec.county);
    const township = county && regions.find((r) => r.parentId === county.id && r.name === spec.township);
    if (!county || !township) throw new Error(`No region ${spec.county} ${spec.township} for ${spec.name}`);
    const serial = (serialByCounty.get(county.id) ?? 0) + 1;
    serialByCounty.set(county.id, serial);
    return {
      code: `2145${county.id.slice(4)}${String(serial * 7 + 100).padStart(4, '0')}`,
      name: spec.name,
      regionId: township.id,
      stages: [...spec.stages],
      ownership: spec.ownership ?? 'public',
    };
  });
}
