import { programResource } from '@zizhu/programs';
import { prepareValues } from '../../engine/rest/record-input';
import { DEMO_PROGRAMS } from './demo-programs';

describe('demo programs', () => {
  it.each(DEMO_PROGRAMS.map((p) => [p.code, p] as const))('%s is a design the API accepts', (_code, program) => {
    const body = { ...program, regionId: '450900', termKind: 'semester', firstYear: 2024 };
    expect(() => prepareValues(programResource, body, 'create')).not.toThrow();
  });
});
