/** One line of a run's summary: a county × stage × identity type (null type: all types). */
export interface SummaryRow {
  countyId: string | null;
  countyName: string | null;
  /** Null on unmatched lines: a person no student matched has no stage. */
  stage: string | null;
  identityTypeId: number | null;
  identityTypeName: string | null;
  /** Enrolled students compared (all-types lines only). */
  studentsCompared: number;
  /** Students with any match (exact or questionable); a student with two identities counts once per line. */
  studentsFound: number;
  matched: number;
  questionable: number;
  /** Students whose result gives them a mark (exact not rejected, questionable confirmed). */
  marked: number;
  /** Identity persons no enrolled student of the region matched. */
  unmatched: number;
}

export interface ComparisonSummary {
  totals: { identitiesCompared: number; studentsCompared: number; studentsFound: number; questionable: number; unmatched: number };
  rows: SummaryRow[];
}

interface ComparedRow {
  county: string;
  stage: string;
  n: number;
}
interface FoundRow {
  county: string;
  stage: string;
  identity_type_id: number | null;
  found: number;
  matched: number;
  questionable: number;
  marked: number;
}
interface UnmatchedRow {
  county: string;
  identity_type_id: number | null;
  unmatched: number;
}
interface Named<K> {
  id: K;
  name: string;
}

/** Assembles the summary from the grouped counts (GROUPING SETS rows carry a null type). */
export function buildSummary(
  compared: ComparedRow[],
  found: FoundRow[],
  unmatched: UnmatchedRow[],
  counties: Named<string>[],
  types: Named<number>[],
  identitiesCompared: number,
): ComparisonSummary {
  const countyName = new Map(counties.map((c) => [c.id, c.name]));
  const typeName = new Map(types.map((t) => [Number(t.id), t.name]));
  const lines = new Map<string, SummaryRow>();
  const line = (county: string, stage: string | null, type: number | null): SummaryRow => {
    const countyId = county || null;
    const key = `${countyId}|${stage}|${type}`;
    let row = lines.get(key);
    if (!row) {
      row = {
        countyId,
        countyName: countyId ? (countyName.get(countyId) ?? null) : null,
        stage,
        identityTypeId: type,
        identityTypeName: type == null ? null : (typeName.get(type) ?? null),
        studentsCompared: 0,
        studentsFound: 0,
        matched: 0,
        questionable: 0,
        marked: 0,
        unmatched: 0,
      };
      lines.set(key, row);
    }
    return row;
  };
  for (const c of compared) line(c.county, c.stage, null).studentsCompared = c.n;
  for (const f of found) {
    const row = line(f.county, f.stage, f.identity_type_id == null ? null : Number(f.identity_type_id));
    Object.assign(row, { studentsFound: f.found, matched: f.matched, questionable: f.questionable, marked: f.marked });
  }
  for (const u of unmatched) line(u.county, null, u.identity_type_id == null ? null : Number(u.identity_type_id)).unmatched = u.unmatched;

  const rows = [...lines.values()].sort(
    (a, b) =>
      String(a.countyId ?? '').localeCompare(String(b.countyId ?? '')) ||
      String(a.stage ?? '~').localeCompare(String(b.stage ?? '~')) ||
      (a.identityTypeId ?? -1) - (b.identityTypeId ?? -1),
  );
  const allTypes = rows.filter((r) => r.identityTypeId == null);
  const sum = (rs: SummaryRow[], key: 'studentsCompared' | 'studentsFound' | 'questionable' | 'unmatched') => rs.reduce((n, r) => n + r[key], 0);
  return {
    totals: {
      identitiesCompared,
      studentsCompared: sum(allTypes, 'studentsCompared'),
      studentsFound: sum(allTypes.filter((r) => r.stage != null), 'studentsFound'),
      questionable: sum(allTypes.filter((r) => r.stage != null), 'questionable'),
      unmatched: sum(allTypes.filter((r) => r.stage == null), 'unmatched'),
    },
    rows,
  };
}
