export type RegionLevel = 'city' | 'county' | 'township';

/** One row of the regions resource. */
export interface RegionRow {
  id: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
}

export const DEMO_CITY = { id: '450900', name: '玉林市' } as const;

/**
 * 玉林市 with its real counties (GB/T 2260) and a few real townships each. Township codes
 * follow the usual GB/T 10114 ranges: 街道 001–099, 镇 100–199, 乡 200–299.
 */
const COUNTIES: readonly { id: string; name: string; townships: readonly string[] }[] = [
  { id: '450902', name: '玉州区', townships: ['玉城街道', '南江街道', '名山街道', '大塘镇', '仁东镇'] },
  { id: '450903', name: '福绵区', townships: ['福绵镇', '成均镇', '樟木镇', '新桥镇'] },
  { id: '450921', name: '容县', townships: ['容州镇', '杨梅镇', '自良镇', '十里镇', '石寨镇'] },
  { id: '450922', name: '陆川县', townships: ['温泉镇', '马坡镇', '乌石镇', '良田镇'] },
  { id: '450923', name: '博白县', townships: ['博白镇', '东平镇', '龙潭镇', '沙河镇', '浪平乡'] },
  { id: '450924', name: '兴业县', townships: ['石南镇', '葵阳镇', '城隍镇', '卖酒镇'] },
  { id: '450981', name: '北流市', townships: ['陵城街道', '城南街道', '民乐镇', '六靖镇', '隆盛镇'] },
];

/** Parents come before children, so rows can be inserted in order. */
export function buildRegionTree(): RegionRow[] {
  const rows: RegionRow[] = [{ id: DEMO_CITY.id, name: DEMO_CITY.name, level: 'city', parentId: null }];
  for (const county of COUNTIES) {
    rows.push({ id: county.id, name: county.name, level: 'county', parentId: DEMO_CITY.id });
    const next = { street: 1, town: 100, village: 200 };
    for (const name of county.townships) {
      const kind = name.endsWith('街道') ? 'street' : name.endsWith('乡') ? 'village' : 'town';
      const code = county.id + String(next[kind]++).padStart(3, '0');
      rows.push({ id: code, name, level: 'township', parentId: county.id });
    }
  }
  return rows;
}

/** 街道 are urban; 镇 and 乡 count as rural (this drives boarding rates). */
export function isRuralTownship(region: RegionRow): boolean {
  return region.level === 'township' && !region.name.endsWith('街道');
}
