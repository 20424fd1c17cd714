import { STAGES } from '@zizhu/schema';
import { buildRegionTree } from './region-tree';
import { buildSchools, DEMO_STAGES } from './schools';

describe('buildSchools', () => {
  const regions = buildRegionTree();
  const schools = buildSchools(regions);

  it('gives each school a unique 10-digit Guangxi school code', () => {
    expect(schools.length).toBeGreaterThanOrEqual(25);
    for (const s of schools) expect(s.code).toMatch(/^2145\d{6}$/);
    expect(new Set(schools.map((s) => s.code)).size).toBe(schools.length);
  });

  it('places every school in a township and covers every county', () => {
    const townships = new Map(regions.filter((r) => r.level === 'township').map((r) => [r.id, r]));
    for (const s of schools) expect(townships.has(s.regionId)).toBe(true);
    const counties = new Set(schools.map((s) => townships.get(s.regionId)?.parentId));
    expect(counties.size).toBe(regions.filter((r) => r.level === 'county').length);
  });

  it('represents every stage, with stage values from the schema, and some licensed private kindergartens', () => {
    const schemaStages = new Set(STAGES.map((s) => s.value));
    for (const stage of DEMO_STAGES) {
      expect(schemaStages.has(stage)).toBe(true);
      expect(schools.some((s) => s.stages.includes(stage))).toBe(true);
    }
    expect(schools.some((s) => s.stages.length > 1)).toBe(true);
    expect(schools.filter((s) => s.ownership === 'private' && s.stages.includes('preschool')).length).toBeGreaterThanOrEqual(2);
  });

  it('is stable', () => {
    expect(buildSchools(regions)).toEqual(schools);
  });
});
