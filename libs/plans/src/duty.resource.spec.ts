import { appliesToProblem, appliesToStages } from './applies-to';
import { dutyResource } from './duty.resource';

describe('a duty’s own rules', () => {
  const check = (record: Record<string, unknown>) => dutyResource.check?.({ recurrence: 'FREQ=MONTHLY;BYMONTHDAY=20', level: 'school', completionRule: 'manual', ...record }) ?? null;

  it('accepts a monthly manual school duty for every school', () => {
    expect(check({})).toBeNull();
  });

  it.each([
    [{ recurrence: 'FREQ=SECONDLY' }, 'recurrence'],
    [{ appliesTo: { stages: ['senior', 'nursery'] } }, 'appliesTo'],
    [{ appliesTo: { schools: [1] } }, 'appliesTo'],
    [{ appliesTo: ['senior'] }, 'appliesTo'],
    [{ level: 'township', completionRule: 'recordsUpdated' }, 'completionRule'],
  ])('refuses %j on %s', (record, field) => {
    expect(check(record)?.field).toBe(field);
  });

  it('the stages filter: none, or the stages named', () => {
    expect(appliesToProblem({ stages: ['senior', 'vocational'] })).toBeNull();
    expect(appliesToStages(null)).toBeNull();
    expect(appliesToStages({ stages: [] })).toBeNull();
    expect(appliesToStages({ stages: ['senior'] })).toEqual(['senior']);
  });
});
