import { STAGES } from './enums';
import type { FieldDeclaration } from './field';
import { withinReferencedInUse, withinReferencedViolation } from './within-referenced';

describe('withinReferenced messages', () => {
  const stage: FieldDeclaration = {
    type: 'enum',
    label: { zh: '学段', en: 'Stage' },
    options: STAGES,
    withinReferenced: {
      via: 'schoolId',
      list: 'stages',
      message: { zh: '该校没有{value}学段（该校学段：{allowed}）', en: 'The school does not teach {value} (its stages: {allowed})' },
      inUseMessage: { zh: '该校还有{count}名{value}学段的学生', en: '{count} students are in {value}' },
    },
  };

  it('names the refused value and every allowed one by label', () => {
    expect(withinReferencedViolation(stage, 'junior', ['senior', 'vocational'])).toEqual({
      zh: '该校没有初中学段（该校学段：普高、中职）',
      en: 'The school does not teach Junior secondary (its stages: General high school, Secondary vocational)',
    });
  });

  it('accepts a value in the list, and says "none" for an empty list', () => {
    expect(withinReferencedViolation(stage, 'senior', ['junior', 'senior'])).toBeNull();
    expect(withinReferencedViolation(stage, 'senior', [])?.zh).toBe('该校没有普高学段（该校学段：无）');
  });

  it('counts the records still using a dropped value', () => {
    expect(withinReferencedInUse(stage, 'junior', 12)).toEqual({ zh: '该校还有12名初中学段的学生', en: '12 students are in Junior secondary' });
  });
});
