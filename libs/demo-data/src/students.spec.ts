import { findIdNumberFault, idNumberFacts } from '@zizhu/schema';
import { DEMO_SEED } from './index';
import { buildRegionTree } from './region-tree';
import { buildSchools } from './schools';
import { ageAtSchoolYearStart, generateStudents, STAGE_ENTRY_AGE, STAGE_GRADES, type StudentRow } from './students';

const regions = buildRegionTree();
const schools = buildSchools(regions);
const regionById = new Map(regions.map((r) => [r.id, r]));
const countyOf = (regionId: string) => regionById.get(regionId)?.parentId ?? regionId;
const take = (count: number, seed = DEMO_SEED) => [...generateStudents({ schools, regions, count, seed })];

describe('generateStudents', () => {
  it('issues valid ID numbers, unique over 200k rows, matching birth date, gender and household county', () => {
    const today = new Date('2026-11-22');
    const ids = new Set<string>();
    let rows = 0;
    for (const s of generateStudents({ schools, regions, count: 200_000, seed: DEMO_SEED })) {
      rows++;
      const fault = findIdNumberFault(s.idNumber, today);
      if (fault) throw new Error(`${s.idNumber}: ${fault}`);
      const facts = idNumberFacts(s.idNumber);
      if (facts.birthDate !== s.birthDate || facts.gender !== s.gender || facts.regionCode !== countyOf(s.householdRegionId))
        throw new Error(`${s.idNumber} disagrees with ${JSON.stringify(s)}`);
      ids.add(s.idNumber);
    }
    expect(rows).toBe(200_000);
    expect(ids.size).toBe(200_000);
  });

  it('gives ages that fit the stage and grade as of the 2026 school year', () => {
    const ranges = { preschool: [3, 5], primary: [6, 11], junior: [12, 14], senior: [15, 17], vocational: [15, 17] };
    for (const s of take(20_000)) {
      const age = ageAtSchoolYearStart(s.birthDate);
      expect(age).toBe(STAGE_ENTRY_AGE[s.stage] + STAGE_GRADES[s.stage].indexOf(s.grade));
      expect(age).toBeGreaterThanOrEqual(ranges[s.stage][0]);
      expect(age).toBeLessThanOrEqual(ranges[s.stage][1]);
    }
  });

  it('fills the other fields plausibly', () => {
    const rows = take(20_000);
    const share = (f: (s: StudentRow) => boolean, of = rows) => of.filter(f).length / of.length;
    for (const s of rows) {
      const school = schools[s.schoolId - 1];
      expect(school.stages).toContain(s.stage);
      expect(s.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(s.guardianName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(s.className).toMatch(/^\d+班$/);
      expect(s.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(s.bankAccount).toMatch(/^62(17|28|30|12|22|10)\d{15}$/);
      expect(regionById.get(s.householdRegionId)?.level).toBe('township');
    }
    expect(share((s) => s.status === 'enrolled')).toBeGreaterThan(0.95);
    expect(share((s) => s.status === 'enrolled')).toBeLessThan(0.99);
    expect(share((s) => countyOf(s.householdRegionId) === countyOf(schools[s.schoolId - 1].regionId))).toBeGreaterThan(0.85);
    expect(share((s) => s.name[0] === s.guardianName[0])).toBeGreaterThan(0.75);
    const high = rows.filter((s) => s.stage === 'senior' || s.stage === 'vocational');
    expect(share((s) => s.boarding, high)).toBeGreaterThan(0.75);
    expect(rows.some((s) => s.boarding && s.stage === 'preschool')).toBe(false);
    const rural = rows.filter((s) => (s.stage === 'primary' || s.stage === 'junior') && !regionById.get(schools[s.schoolId - 1].regionId)?.name.endsWith('街道'));
    expect(share((s) => s.boarding, rural)).toBeGreaterThan(0.3);
    expect(share((s) => s.boarding, rural)).toBeLessThan(0.4);
    expect(share((s) => s.gender === 'male')).toBeGreaterThan(0.48);
    expect(new Set(rows.map((s) => s.bankAccount)).size).toBe(rows.length);
  });

  it('weights big schools over small ones and reaches every school', () => {
    const perSchool = new Map<number, number>();
    for (const s of take(50_000)) perSchool.set(s.schoolId, (perSchool.get(s.schoolId) ?? 0) + 1);
    expect(perSchool.size).toBe(schools.length);
    const count = (name: string) => perSchool.get(schools.findIndex((s) => s.name === name) + 1) ?? 0;
    expect(count('博白县中学')).toBeGreaterThan(5 * count('陆川县乌石镇爱心幼儿园'));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(take(50)).toEqual(take(50));
    expect(take(50, DEMO_SEED + 1)).not.toEqual(take(50));
  });

  it('streams fast enough for 1.5 million rows', () => {
    const count = 300_000;
    const started = performance.now();
    let n = 0;
    for (const s of generateStudents({ schools, regions, count, seed: 7 })) n += s.idNumber.length > 0 ? 1 : 0;
    const seconds = (performance.now() - started) / 1000;
    console.log(`demo-data: ${n} students in ${seconds.toFixed(2)} s = ${Math.round(n / seconds).toLocaleString('en')} rows/s`);
    expect(n).toBe(count);
  });
});
