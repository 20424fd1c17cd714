import { buildRegionTree, buildSchools, DEMO_CITY, type RegionRow, type SchoolRow } from '@zizhu/demo-data';

/** The province above the demo city; the regions resource has no province level, so it is stored as the tree's root. */
export const PROVINCE = { id: '450000', name: '广西壮族自治区' } as const;

/** Guangxi's 14 cities (GB/T 2260); 玉林市 is the demo city, with its real counties and schools. */
const CITIES: readonly [string, string][] = [
  ['450100', '南宁市'], ['450200', '柳州市'], ['450300', '桂林市'], ['450400', '梧州市'], ['450500', '北海市'],
  ['450600', '防城港市'], ['450700', '钦州市'], ['450800', '贵港市'], [DEMO_CITY.id, DEMO_CITY.name], ['451000', '百色市'],
  ['451100', '贺州市'], ['451200', '河池市'], ['451300', '来宾市'], ['451400', '崇左市'],
];
const COUNTIES_PER_CITY = 8;
/** One 街道 (urban) and two 镇 (rural) per made-up county. */
const TOWNSHIPS = [['001', '街道'], ['100', '镇'], ['101', '镇']] as const;

/**
 * A province-sized tree: the demo city as the demo builds it, and 13 more cities of 8
 * counties each, every county with three townships and the schools of one demo county
 * (in turn) under new codes — 14 cities, ~111 counties, ~590 schools. Regions come parents
 * first, the province root not among them; a school's 1-based position is its index for
 * generateStudents.
 */
export function buildProvince(): { regions: RegionRow[]; schools: SchoolRow[] } {
  const demoRegions = buildRegionTree();
  const demoSchools = buildSchools(demoRegions);
  const demoCounties = demoRegions.filter((r) => r.level === 'county');
  const countyOf = new Map(demoRegions.filter((r) => r.level === 'township').map((r) => [r.id, r.parentId]));
  const schoolsOfCounty = (countyId: string) => demoSchools.filter((s) => countyOf.get(s.regionId) === countyId);

  const regions: RegionRow[] = [...demoRegions];
  const schools: SchoolRow[] = [...demoSchools];
  for (const [cityId, cityName] of CITIES) {
    if (cityId === DEMO_CITY.id) continue;
    regions.push({ id: cityId, name: cityName, level: 'city', parentId: null });
    const stem = cityName.replace(/市$/, '');
    for (let k = 0; k < COUNTIES_PER_CITY; k++) {
      const county: RegionRow = { id: `${cityId.slice(0, 4)}${21 + k}`, name: `${stem}第${k + 1}县`, level: 'county', parentId: cityId };
      regions.push(county);
      const townships = TOWNSHIPS.map(([suffix, kind], t): RegionRow => ({ id: `${county.id}${suffix}`, name: `${county.name}第${t + 1}${kind}`, level: 'township', parentId: county.id }));
      regions.push(...townships);
      schoolsOfCounty(demoCounties[k % demoCounties.length].id).forEach((template, serial) => {
        schools.push({
          ...template,
          // 21 + the county's code + a serial: never a demo code (those start 2145).
          code: `21${county.id.slice(2)}${String(serial * 7 + 100).padStart(4, '0')}`,
          name: `${county.name}${template.name}`,
          regionId: townships[serial % townships.length].id,
          stages: [...template.stages],
        });
      });
    }
  }
  return { regions, schools };
}
