import { buildSummary } from './comparison-summary';

describe('comparison summary', () => {
  const summary = buildSummary(
    [
      { county: '450902', stage: 'senior', n: 300 },
      { county: '450921', stage: 'primary', n: 500 },
    ],
    [
      // per type, then the all-types line where a student with two identities counts once
      { county: '450902', stage: 'senior', identity_type_id: 1, found: 2, matched: 1, questionable: 1, marked: 1 },
      { county: '450902', stage: 'senior', identity_type_id: 2, found: 1, matched: 1, questionable: 0, marked: 1 },
      { county: '450902', stage: 'senior', identity_type_id: null, found: 2, matched: 1, questionable: 1, marked: 1 },
    ],
    [
      { county: '450902', identity_type_id: 1, unmatched: 3 },
      { county: '450902', identity_type_id: null, unmatched: 3 },
    ],
    [
      { id: '450902', name: '玉州区' },
      { id: '450921', name: '容县' },
    ],
    [
      { id: 1, name: '最低生活保障' },
      { id: 2, name: '残疾' },
    ],
    12,
  );

  it('counts students compared per county × stage and matches per county × stage × type', () => {
    const line = (county: string, stage: string | null, type: number | null) =>
      summary.rows.find((r) => r.countyId === county && r.stage === stage && r.identityTypeId === type);
    expect(line('450902', 'senior', null)).toMatchObject({ countyName: '玉州区', studentsCompared: 300, studentsFound: 2, questionable: 1 });
    expect(line('450902', 'senior', 2)).toMatchObject({ identityTypeName: '残疾', studentsFound: 1, studentsCompared: 0 });
    expect(line('450921', 'primary', null)).toMatchObject({ countyName: '容县', studentsCompared: 500, studentsFound: 0 });
    expect(line('450902', null, 1)).toMatchObject({ unmatched: 3, identityTypeName: '最低生活保障' });
  });

  it('totals students once, whatever their number of identities', () => {
    expect(summary.totals).toEqual({ identitiesCompared: 12, studentsCompared: 800, studentsFound: 2, questionable: 1, unmatched: 3 });
  });
});
