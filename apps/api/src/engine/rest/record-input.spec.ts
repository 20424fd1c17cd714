import { idNumberCheckChar, maskValue } from '@zizhu/schema';
import { studentResource } from '@zizhu/students';
import { ApiException } from '../errors/api.exception';
import { prepareInput } from './record-input';

const id = (first17: string) => first17 + idNumberCheckChar(first17);

async function faults(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) return Object.fromEntries(Object.entries(error.fieldErrors ?? {}).map(([k, v]) => [k, v.en]));
    throw error;
  }
  return {};
}

describe('prepareInput', () => {
  const base = { name: '黄小明', schoolId: 3, stage: 'junior', status: 'enrolled' };

  it('keeps writable declared fields only and derives read-only ones', async () => {
    const values = await prepareInput(studentResource, { ...base, idNumber: id('45090220120315001'), gender: 'x', version: 9, hacker: 1 }, 'create');
    expect(values).toEqual({ ...base, idNumber: id('45090220120315001'), gender: 'male', birthDate: '2012-03-15' });
  });

  it('returns only what changed on update, ignoring a masked value sent back', async () => {
    const stored = { ...base, idNumber: id('45090220120315001'), grade: '七年级' };
    const values = await prepareInput(
      studentResource,
      { ...stored, idNumber: maskValue('idNumber', stored.idNumber), grade: '八年级' },
      'update',
      stored,
    );
    expect(values).toEqual({ grade: '八年级' });
  });

  it('reports a required field emptied on update', async () => {
    expect(await faults(prepareInput(studentResource, { name: '  ' }, 'update', { ...base }))).toEqual({ name: 'Name is required' });
  });

  it('reports the first fault per field', async () => {
    expect(await faults(prepareInput(studentResource, { ...base, idNumber: 'abc', stage: 'x', schoolId: 'one' }, 'create'))).toEqual({
      idNumber: 'An ID number has 18 characters',
      stage: 'Stage must be one of the listed choices',
      schoolId: 'The chosen School does not exist in your region',
    });
  });
});
