import { buildRegionTree } from './region-tree';

describe('buildRegionTree', () => {
  const rows = buildRegionTree();

  it('lists every parent before its children', () => {
    const seen = new Set<string>();
    for (const row of rows) {
      if (row.parentId !== null) expect(seen.has(row.parentId)).toBe(true);
      seen.add(row.id);
    }
    expect(seen.size).toBe(rows.length);
  });

  it('has one city, the seven real counties of 玉林 and 3–5 townships each', () => {
    expect(rows.filter((r) => r.level === 'city')).toEqual([{ id: '450900', name: '玉林市', level: 'city', parentId: null }]);
    const counties = rows.filter((r) => r.level === 'county');
    expect(counties.map((c) => c.id)).toEqual(['450902', '450903', '450921', '450922', '450923', '450924', '450981']);
    for (const county of counties) {
      expect(county.parentId).toBe('450900');
      const townships = rows.filter((r) => r.parentId === county.id);
      expect(townships.length).toBeGreaterThanOrEqual(3);
      expect(townships.length).toBeLessThanOrEqual(5);
    }
  });

  it('gives townships 9-digit codes under their county, in the range of their kind', () => {
    for (const row of rows) {
      expect(row.id).toMatch(row.level === 'township' ? /^\d{9}$/ : /^\d{6}$/);
      if (row.level !== 'township') continue;
      expect(row.id.startsWith(row.parentId as string)).toBe(true);
      const serial = Number(row.id.slice(6));
      const [min, max] = row.name.endsWith('街道') ? [1, 99] : row.name.endsWith('乡') ? [200, 299] : [100, 199];
      expect(serial).toBeGreaterThanOrEqual(min);
      expect(serial).toBeLessThanOrEqual(max);
    }
  });
});
