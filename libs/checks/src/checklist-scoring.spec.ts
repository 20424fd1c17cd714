import fc from 'fast-check';
import type { ChecklistDefinition } from '@zizhu/schema';
import { findDefinitionProblem } from './checklist-definition.check';
import { scoreChecklist } from '@zizhu/schema';

const definition: ChecklistDefinition = {
  sections: [
    {
      key: 'policy',
      title: '政策落实',
      weight: 2,
      items: [
        { key: 'publicized', label: '资助政策是否公示', type: 'yesNoNa', critical: true },
        {
          key: 'quality',
          label: '档案质量',
          type: 'select',
          weight: 3,
          choices: [
            { value: 'good', score: 2 },
            { value: 'fair', score: 1 },
            { value: 'poor', score: 0 },
          ],
        },
        {
          key: 'why',
          label: '未公示原因',
          type: 'text',
          visibleWhen: { '==': [{ var: 'values.publicized' }, 'no'] },
          requiredWhen: { '==': [{ var: 'values.publicized' }, 'no'] },
        },
      ],
    },
    {
      key: 'funds',
      title: '资金管理',
      items: [
        { key: 'ledger', label: '台账齐全', type: 'boolean' },
        { key: 'cash', label: '现金发放', type: 'yesNoNa', findingWhen: { '==': [{ var: 'values.cash' }, 'yes'] } },
        { key: 'rate', label: '执行率', type: 'number', dataItem: 'executionRate' },
      ],
    },
  ],
};

describe('scoreChecklist', () => {
  it('weights items within sections and sections into the total', () => {
    const score = scoreChecklist(definition, { values: { publicized: 'yes', quality: 'fair', ledger: true, cash: 'no' } }, 60);
    // policy: (1×1 + 3×0.5) / 4 = 62.5; funds: ledger 1, cash "no" earns 0 → (1 + 0) / 2 = 50
    expect(score.sections).toEqual([
      { key: 'policy', score: 62.5 },
      { key: 'funds', score: 50 },
    ]);
    expect(score.total).toBe(58.3); // (2 × 62.5 + 50) / 3
    expect(score.passed).toBe(false);
  });

  it('leaves N/A and hidden items out of the denominator', () => {
    const score = scoreChecklist(definition, { values: { publicized: 'yes', quality: 'good', ledger: true, cash: 'na' } }, 60);
    expect(score.sections.find((s) => s.key === 'funds')?.score).toBe(100);
    expect(score.items.find((i) => i.key === 'why')).toMatchObject({ visible: false, applicable: false, fraction: null });
    expect(score.total).toBe(100);
    expect(score.passed).toBe(true);
  });

  it('fails the inspection on a failed critical item whatever the total', () => {
    const score = scoreChecklist(definition, { values: { publicized: 'no', quality: 'good', ledger: true, cash: 'na', why: '未张贴' } }, 10);
    expect(score.criticalFailed).toEqual(['publicized']);
    expect(score.passed).toBe(false);
    expect(score.items.find((i) => i.key === 'why')?.visible).toBe(true);
  });

  it('raises a finding when the item’s condition holds, and on an answer that earns nothing', () => {
    const score = scoreChecklist(definition, { values: { publicized: 'yes', quality: 'poor', ledger: true, cash: 'yes' } }, 0);
    expect(score.items.filter((i) => i.failed).map((i) => i.key)).toEqual(['quality', 'cash']);
  });

  it('does not score data items or unanswered unscored items', () => {
    const score = scoreChecklist(definition, { values: { rate: 12 } }, 0);
    expect(score.items.find((i) => i.key === 'rate')?.fraction).toBeNull();
    expect(score.items.find((i) => i.key === 'ledger')).toMatchObject({ fraction: 0, failed: false });
  });

  it('keeps every score between 0 and 100 for any answers', () => {
    const answer = fc.record({
      publicized: fc.constantFrom('yes', 'no', 'na'),
      quality: fc.constantFrom('good', 'fair', 'poor'),
      ledger: fc.boolean(),
      cash: fc.constantFrom('yes', 'no', 'na'),
    });
    fc.assert(
      fc.property(answer, fc.integer({ min: 0, max: 100 }), (values, passMark) => {
        const score = scoreChecklist(definition, { values }, passMark);
        const all = [score.total, ...score.sections.map((s) => s.score)].filter((s): s is number => s !== null);
        return all.every((s) => s >= 0 && s <= 100) && (!score.passed || score.criticalFailed.length === 0);
      }),
    );
  });
});

describe('findDefinitionProblem', () => {
  it('accepts a sound definition', () => {
    expect(findDefinitionProblem(definition, ['executionRate'])).toBeNull();
  });

  it.each([
    ['an unknown data item', { ...definition }, [] as string[], 'sections.1.items.2.dataItem'],
    [
      'a condition on an unknown item',
      { sections: [{ key: 's', title: 'S', items: [{ key: 'a', label: 'A', type: 'text', visibleWhen: { '==': [{ var: 'values.zz' }, 1] } }] }] },
      [],
      'sections.0.items.0.visibleWhen',
    ],
    [
      'an item shown on its own answer',
      { sections: [{ key: 's', title: 'S', items: [{ key: 'a', label: 'A', type: 'text', visibleWhen: { '!!': [{ var: 'values.a' }] } }] }] },
      [],
      'sections.0.items.0.visibleWhen',
    ],
    [
      'an item key used twice across sections',
      {
        sections: [
          { key: 's', title: 'S', items: [{ key: 'a', label: 'A', type: 'text' }] },
          { key: 't', title: 'T', items: [{ key: 'a', label: 'A', type: 'text' }] },
        ],
      },
      [],
      'sections.1.items.0.key',
    ],
    ['a sample of 0 students', { sections: [{ key: 's', title: 'S', items: [{ key: 'a', label: 'A', type: 'text', sample: { size: 0, questions: [] } }] }] }, [], 'sections.0.items.0.sample.size'],
    ['a negative weight', { sections: [{ key: 's', title: 'S', weight: -1, items: [{ key: 'a', label: 'A', type: 'text' }] }] }, [], 'sections.0.weight'],
  ] as [string, ChecklistDefinition, string[], string][])('refuses %s', (_name, candidate, dataItems, path) => {
    expect(findDefinitionProblem(candidate, dataItems)?.path).toBe(path);
  });
});
