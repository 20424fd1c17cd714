import { studentResource } from '@zizhu/students';

type ListCall = (token: string, query: Record<string, unknown>) => () => Promise<unknown>;

/** A reader of the list: its session token and a record it sees, whose values its filters use. */
export interface ListReader {
  name: string;
  token: string;
  sample: Record<string, unknown>;
}

/**
 * The student list requests the panel can send: every sort the declaration allows (both
 * directions, plus the default), crossed with no filter, each search shape (`q` as a name
 * prefix, a full name, a full ID number) and each declared filter with a value taken from a
 * real record the reader sees (an officer filters on their own schools and classes), for
 * each reader given: the city, a county and a school officer in the list benchmark.
 */
export function studentListMatrix(options: { list: ListCall; readers: ListReader[] }): [string, () => Promise<unknown>][] {
  const { list } = options;
  const sorts: [string, 'ASC' | 'DESC'][] = [['id', 'DESC']];
  for (const [key, field] of Object.entries(studentResource.fields)) {
    if (field.sort) sorts.push([key, 'ASC'], [key, 'DESC']);
  }
  const cases: [string, () => Promise<unknown>][] = [];
  for (const { name: who, token, sample } of options.readers) {
    for (const [sortField, order] of sorts) {
      for (const [filterName, filter] of filtersFrom(sample)) {
        cases.push([`${who} · ${filterName} · ${sortField} ${order}`, list(token, { range: [0, 24], sort: [sortField, order], filter })]);
      }
    }
  }
  return cases;
}

/** No filter, the search shapes, and each declared filter with the sample's value. */
function filtersFrom(sample: Record<string, unknown>): [string, Record<string, unknown>][] {
  const filters: [string, Record<string, unknown>][] = [
    ['no filter', {}],
    ['q name prefix', { q: '黄' }],
    ['q full name', { q: String(sample.name) }],
    ['q ID number', { q: String(sample.idNumber) }],
  ];
  for (const [key, field] of Object.entries(studentResource.fields)) {
    if (!field.filter || sample[key] === undefined || sample[key] === null) continue;
    if (field.filter === 'range') {
      const year = String(sample[key]).slice(0, 4);
      filters.push([`${key} range`, { [`${key}_gte`]: `${year}-01-01`, [`${key}_lte`]: `${year}-12-31` }]);
    } else if (field.filter === 'prefix') {
      filters.push([`${key} prefix`, { [key]: String(sample[key]).slice(0, 1) }]);
    } else {
      filters.push([`${key} = ${String(sample[key])}`, { [key]: sample[key] }]);
    }
  }
  for (const key of Object.keys(studentResource.relationFilters ?? {})) filters.push([`${key} any`, { [key]: true }]);
  return filters;
}
