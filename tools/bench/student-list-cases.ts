type ListCall = (token: string, query: Record<string, unknown>) => () => Promise<unknown>;

/**
 * The student list benchmark's named requests: the panel's main list views, as a reader over
 * the whole `area` (`wide`: the city officer in the city benchmark) and as a county officer.
 */
export function studentListCases(options: { list: ListCall; wide: string; county: string; schoolId: unknown; area?: string }): [string, () => Promise<unknown>][] {
  const { list, wide, county, schoolId, area = 'city' } = options;
  return [
    [`first page (default sort, whole ${area})`, list(wide, { range: [0, 24] })],
    ['deep page (page 4001 by name)', list(wide, { range: [100_000, 100_024], sort: ['name', 'ASC'] })],
    ['filter by school, sorted by name', list(wide, { range: [0, 24], filter: { schoolId }, sort: ['name', 'ASC'] })],
    ['search by name (q = 黄)', list(wide, { range: [0, 24], filter: { q: '黄' } })],
    ['search by full name (q = 黄子涵)', list(wide, { range: [0, 24], filter: { q: '黄子涵' } })],
    ['sort by name, first page', list(wide, { range: [0, 24], sort: ['name', 'ASC'] })],
    ['county officer, first page (scoped)', list(county, { range: [0, 24] })],
    ['county officer, stage filter (scoped)', list(county, { range: [0, 24], filter: { stage: 'primary' } })],
  ];
}
