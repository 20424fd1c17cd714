import { buildSummary, type SummaryTreeRow, toNodes } from './comparison-summary';

const zero = { studentsCompared: 0, studentsFound: 0, matched: 0, questionable: 0, marked: 0, unmatched: 0 };
const row = (level: SummaryTreeRow['level'], nodeId: string, stage: string | null, identityTypeId: number | null, counts: Partial<typeof zero>): SummaryTreeRow => ({
  level,
  nodeId,
  nodeName: { '450900': '玉林市', '450902': '玉州区', '450921': '容县' }[nodeId] ?? nodeId,
  parentId: level === 'city' ? null : '450900',
  stage,
  identityTypeId,
  ...zero,
  ...counts,
});

describe('comparison summary', () => {
  const nodes = toNodes([
    row('city', '450900', null, null, { studentsCompared: 800, studentsFound: 2, questionable: 1, unmatched: 3 }),
    row('county', '450902', null, null, { studentsCompared: 300, studentsFound: 2, questionable: 1, unmatched: 3 }),
    row('county', '450902', 'senior', null, { studentsCompared: 300, studentsFound: 2, questionable: 1 }),
    row('county', '450902', 'senior', 2, { studentsFound: 1, matched: 1 }),
    row('county', '450921', null, null, { studentsCompared: 500 }),
  ]);

  it('groups stored rows into nodes, each with its all-stages, all-types totals', () => {
    expect(nodes.map((n) => `${n.level}:${n.id}`)).toEqual(['city:450900', 'county:450902', 'county:450921']);
    expect(nodes[1].totals).toEqual({ ...zero, studentsCompared: 300, studentsFound: 2, questionable: 1, unmatched: 3 });
    expect(nodes[1].cells).toHaveLength(3);
    expect(nodes[1].cells[2]).toMatchObject({ stage: 'senior', identityTypeId: 2, studentsFound: 1 });
  });

  it('keeps the run totals and one line per county × stage × type on the run', () => {
    const summary = buildSummary(nodes[0], nodes.slice(1), new Map([[2, '残疾']]), 12);
    expect(summary.totals).toEqual({ identitiesCompared: 12, studentsCompared: 800, studentsFound: 2, questionable: 1, unmatched: 3 });
    expect(summary.rows.find((r) => r.countyId === '450902' && r.stage === 'senior' && r.identityTypeId === 2)).toMatchObject({
      countyName: '玉州区',
      identityTypeName: '残疾',
      studentsFound: 1,
    });
    expect(summary.rows.find((r) => r.countyId === '450921' && r.stage === null)).toMatchObject({ countyName: '容县', studentsCompared: 500 });
  });
});
