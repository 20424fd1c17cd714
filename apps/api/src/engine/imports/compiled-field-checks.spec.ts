import { idNumberCheckChar } from '@zizhu/schema';
import { RESOURCES } from '../metadata/resource-registry';
import { buildInputClass, findFieldFaults, type InputMode, isWritable } from '../rest/input-validator.factory';
import { findFieldFaultsFast } from './compiled-field-checks';

const ID = '45090220120315123';
/** Values of every kind a cell or a request can carry, right and wrong for each field type. */
const SAMPLES: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'abc',
  '黄子涵',
  'x'.repeat(300),
  0,
  -5,
  7,
  1.5,
  12345678901234567,
  true,
  false,
  '2012-03-05',
  '2012-02-30',
  '2012/3/5',
  '2026-11-22T10:00:00Z',
  '2026-11-22T10:00:00.000+08:00',
  ID + idNumberCheckChar(ID),
  ID + (idNumberCheckChar(ID) === '1' ? '2' : '1'),
  '45090220121315123X',
  '990902201203151234',
  '13812345678',
  '0775-1234567',
  '123456789012',
  '6210989081610906244',
  [],
  ['primary'],
  ['primary', 'nope'],
  ['nope'],
  {},
  { zh: '说明', en: 'note' },
  [{ name: 'x' }],
];

/** A deterministic mix of several fields at once, as a real row has. */
function* mixedRecords(keys: string[], optionValues: unknown[]): Generator<Record<string, unknown>> {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const pool = [...SAMPLES, ...optionValues];
  for (let n = 0; n < 200; n++) {
    const record: Record<string, unknown> = {};
    for (const key of keys) if (next() % 3) record[key] = pool[next() % pool.length];
    yield record;
  }
}

describe('precompiled field checks', () => {
  const modes: InputMode[] = ['create', 'update', 'patch'];
  const cases = RESOURCES.flatMap((resource) => modes.map((mode) => [resource.name, mode, resource] as const));

  it.each(cases)('find exactly the faults class-validator finds: %s (%s)', (_name, mode, resource) => {
    const Input = buildInputClass(resource, mode);
    const keys = Object.keys(resource.fields);
    const optionValues = Object.values(resource.fields).flatMap((f) => (f.options ?? []).map((o) => o.value));
    const records: Record<string, unknown>[] = [{}];
    for (const key of keys) for (const value of [...SAMPLES, ...optionValues]) records.push({ [key]: value });
    records.push(...mixedRecords(keys, optionValues));
    let faultsSeen = 0;
    for (const record of records) {
      const expected = findFieldFaults(Input, record);
      expect([record, findFieldFaultsFast(Input, record)]).toEqual([record, expected]);
      faultsSeen += Object.keys(expected).length;
    }
    // The corpus really exercises the rules (not only records that pass).
    if (keys.some((key) => isWritable(resource.fields[key], mode))) expect(faultsSeen).toBeGreaterThan(0);
  });
});
