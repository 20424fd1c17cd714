import type { ChecklistDefinition, InspectionSample } from '@zizhu/schema';
import { scoreChecklist } from '@zizhu/schema';
import { firstErrorSection, formPathOf, hiddenItems, itemKeyOf, itemStates, sectionProgress, shownAnswers, toAnswers, toFormValues } from './fill-answers';

const DEFINITION: ChecklistDefinition = {
  sections: [
    {
      key: 'funds',
      title: '资金发放',
      items: [
        { key: 'paidOnTime', type: 'yesNoNa', label: '资金按时足额发放', required: true },
        { key: 'lateReason', type: 'text', label: '未按时发放原因', visibleWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] } },
        { key: 'refundNote', type: 'text', label: '退款说明', requiredWhen: { '==': [{ var: 'values.paidOnTime' }, 'no'] } },
        { key: 'photo', type: 'boolean', label: '已公示', evidenceWhen: { '==': [{ var: 'values.photo' }, true] }, naAllowed: true },
      ],
    },
    {
      key: 'data',
      title: '数据核对',
      items: [
        { key: 'late', type: 'number', label: '超期发放笔数', dataItem: 'latePayments' },
        { key: 'cards', type: 'boolean', label: '抽查受助学生', sample: { size: 2, questions: [{ key: 'cardHeld', type: 'boolean', label: '持卡' }] } },
      ],
    },
  ],
};

const SAMPLES: InspectionSample[] = [
  {
    itemKey: 'cards',
    year: 2026,
    term: 'spring',
    students: [
      { studentId: 17, name: '韦*婷', programId: 1, programName: '寄宿生生活补助', amountPaid: 62500 },
      { studentId: 23, name: '李*', programId: 1, programName: '寄宿生生活补助', amountPaid: 62500 },
    ],
  },
];

describe('fill answers: form values and the API answers', () => {
  it('round-trips stored answers through the form (N/A as flags, students under s<id>)', () => {
    const stored = {
      values: { paidOnTime: 'no', lateReason: '财政资金晚到' },
      notApplicable: ['photo'],
      dataChecks: { late: { confirmed: false, observed: 3, note: '台账多 1 笔' } },
      sampleAnswers: { cards: { '17': { cardHeld: true } } },
      evidence: { paidOnTime: [5, 6] },
      remarks: { paidOnTime: '已约谈' },
    };
    const form = toFormValues(stored);
    expect(form.answers.na).toEqual({ photo: true });
    expect(form.answers.sampleAnswers).toEqual({ cards: { s17: { cardHeld: true } } });
    expect(toAnswers(form)).toEqual(stored);
  });

  it('sends only what was given: cleared inputs, removed files, blank remarks and unanswered checks are left out', () => {
    const answers = toAnswers({
      answers: {
        values: { paidOnTime: '', lateReason: null, refundNote: '  ', photo: false, multi: [] },
        na: { photo: false },
        dataChecks: { late: { confirmed: true, observed: 9, note: '' }, other: { confirmed: null } },
        sampleAnswers: { cards: { s17: { cardHeld: null }, s23: { cardHeld: false } } },
        evidence: { paidOnTime: [null, 7], photo: [] },
        remarks: { paidOnTime: '   ' },
      },
    });
    // A blank text is still text the user typed (the API trims and refuses it if required).
    expect(answers).toEqual({
      values: { refundNote: '  ', photo: false },
      dataChecks: { late: { confirmed: true } },
      sampleAnswers: { cards: { '23': { cardHeld: false } } },
      evidence: { paidOnTime: [7] },
    });
  });

  it.each([
    ['answers.values.paidOnTime', 'answers.values.paidOnTime', 'paidOnTime'],
    ['answers.sampleAnswers.cards.17.cardHeld', 'answers.sampleAnswers.cards.s17.cardHeld', 'cards'],
    ['answers.sampleAnswers.cards.17', 'answers.sampleAnswers.cards.s17', 'cards'],
    ['answers.dataChecks.late', 'answers.dataChecks.late', 'late'],
    ['answers.evidence.photo', 'answers.evidence.photo', 'photo'],
    ['answers', 'answers', null],
    ['answers.notApplicable', 'answers.notApplicable', null],
  ])('the API error key %s lands on %s (item %s)', (key, path, item) => {
    expect(formPathOf(key)).toBe(path);
    expect(itemKeyOf(formPathOf(key))).toBe(item);
  });

  it('evaluates visibleWhen, requiredWhen and evidenceWhen over the answers', () => {
    const before = itemStates(DEFINITION, { values: { paidOnTime: 'yes' } });
    expect(before.get('lateReason')).toMatchObject({ visible: false });
    expect(before.get('refundNote')).toMatchObject({ visible: true, required: false });
    const after = itemStates(DEFINITION, { values: { paidOnTime: 'no', photo: true }, notApplicable: ['photo'] });
    expect(after.get('lateReason')).toMatchObject({ visible: true });
    expect(after.get('refundNote')).toMatchObject({ required: true });
    expect(after.get('photo')).toMatchObject({ evidenceRequired: true, notApplicable: true });
    expect(after.get('paidOnTime')).toMatchObject({ required: true, notApplicable: false });
  });

  it('settles hidden items as the API does: an answer kept for a hidden item hides what depends on it, and is not scored', () => {
    const definition: ChecklistDefinition = {
      sections: [
        {
          key: 'chain',
          title: '连锁条件',
          items: [
            { key: 'paid', type: 'yesNoNa', label: '按时发放' },
            { key: 'why', type: 'select', label: '原因', options: '资金未到,名单未定', visibleWhen: { '==': [{ var: 'values.paid' }, 'no'] } },
            { key: 'fundsLate', type: 'boolean', label: '已催办', visibleWhen: { '==': [{ var: 'values.why' }, '资金未到'] } },
          ],
        },
      ],
    };
    // 否 → 资金未到 → 已催办 answered, then 按时发放 changed to 是: the two answers stay in the form, hidden.
    const given = { values: { paid: 'yes', why: '资金未到', fundsLate: false } };
    const hidden = hiddenItems(definition, given);
    expect([...hidden].sort()).toEqual(['fundsLate', 'why']);
    const shown = shownAnswers(given, hidden);
    expect(shown).toEqual({ values: { paid: 'yes' } });
    expect(itemStates(definition, shown).get('fundsLate')).toMatchObject({ visible: false });
    // Scored as the API scores the submitted answers (hidden ones dropped): 已催办 = 否 would otherwise fail.
    expect(scoreChecklist(definition, shown, 60)).toMatchObject({ total: 100, passed: true });
  });

  it('counts answered items per section: hidden ones left out, N/A counted, data and sample items by their own answers', () => {
    const answers = {
      values: { paidOnTime: 'yes' },
      notApplicable: ['photo'],
      dataChecks: { late: { confirmed: true } },
      sampleAnswers: { cards: { '17': { cardHeld: true } } },
    };
    const progress = sectionProgress(DEFINITION, answers, SAMPLES, itemStates(DEFINITION, answers));
    expect(progress).toEqual([
      { key: 'funds', answered: 2, total: 3 },
      { key: 'data', answered: 1, total: 2 },
    ]);
    const complete = { ...answers, sampleAnswers: { cards: { '17': { cardHeld: true }, '23': { cardHeld: false } } } };
    expect(sectionProgress(DEFINITION, complete, SAMPLES, itemStates(DEFINITION, complete))[1]).toEqual({ key: 'data', answered: 2, total: 2 });
  });

  it('finds the first section, in the checklist’s order, with an error', () => {
    expect(firstErrorSection(DEFINITION, ['answers.sampleAnswers.cards.s17.cardHeld', 'answers.values.refundNote'])).toBe(0);
    expect(firstErrorSection(DEFINITION, ['answers.dataChecks.late'])).toBe(1);
    expect(firstErrorSection(DEFINITION, ['answers'])).toBe(-1);
  });
});
