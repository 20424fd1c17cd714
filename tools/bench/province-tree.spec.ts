import { DEMO_CITY } from '@zizhu/demo-data';
import { buildProvince } from './province-tree';

describe('buildProvince', () => {
  const { regions, schools } = buildProvince();

  it('has 14 cities, the demo city among them, every region with a unique id and its parent before it', () => {
    expect(regions.filter((r) => r.level === 'city')).toHaveLength(14);
    expect(regions.find((r) => r.id === DEMO_CITY.id)?.parentId).toBeNull();
    const seen = new Set<string>();
    for (const region of regions) {
      expect(seen.has(region.id)).toBe(false);
      if (region.parentId) expect(seen.has(region.parentId)).toBe(true);
      seen.add(region.id);
    }
    expect(regions.filter((r) => r.level === 'township').every((r) => r.id.length === 9)).toBe(true);
    expect(regions.filter((r) => r.level !== 'township').every((r) => r.id.length === 6)).toBe(true);
  });

  it('gives every county schools under its townships, with unique codes', () => {
    const byId = new Map(regions.map((r) => [r.id, r]));
    const counties = regions.filter((r) => r.level === 'county');
    const withSchools = new Set(schools.map((s) => byId.get(s.regionId)?.parentId));
    expect(counties.length).toBeGreaterThan(100);
    expect(counties.every((c) => withSchools.has(c.id))).toBe(true);
    expect(new Set(schools.map((s) => s.code)).size).toBe(schools.length);
    expect(schools.every((s) => byId.get(s.regionId)?.level === 'township')).toBe(true);
  });
});
