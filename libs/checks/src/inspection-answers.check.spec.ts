import { checkInspectionAnswers } from './inspection-answers.check';
import { COMPLETE_ANSWERS, INSPECTION_DEFINITION, INSPECTION_SAMPLES } from './inspection.fixtures';

const draft = (answers: unknown) => checkInspectionAnswers(INSPECTION_DEFINITION, INSPECTION_SAMPLES, answers, 'draft');
const final = (answers: unknown) => checkInspectionAnswers(INSPECTION_DEFINITION, INSPECTION_SAMPLES, answers, 'final');
const errorKeys = (result: { errors: Record<string, unknown> }) => Object.keys(result.errors).sort();

describe('checkInspectionAnswers: a draft', () => {
  it('takes partial answers and cleans them', () => {
    const result = draft({ values: { publicized: 'no', quality: null }, remarks: { why: '  张贴栏损坏  ', quality: '' }, evidence: { quality: [7, 7, 8] } });
    expect(result.errors).toEqual({});
    expect(result.answers).toEqual({
      values: { publicized: 'no' },
      notApplicable: [],
      dataChecks: {},
      sampleAnswers: {},
      evidence: { quality: [7, 8] },
      remarks: { why: '张贴栏损坏' },
    });
    expect(result.files).toEqual([
      { fileId: 7, path: 'answers.evidence.quality' },
      { fileId: 8, path: 'answers.evidence.quality' },
    ]);
  });

  it.each([
    ['not an object', [], ['answers']],
    ['an unknown part', { values: {}, score: 100 }, ['answers.score']],
    ['values that are a list', { values: [1] }, ['answers.values']],
    ['an unknown item (prototype keys too, as JSON brings them)', JSON.parse('{"values": {"ghost": 1, "constructor": 1, "__proto__": 1}}'), ['answers.values.__proto__', 'answers.values.constructor', 'answers.values.ghost']],
    ['a value of the wrong type', { values: { publicized: 'maybe', archive: 'yes', photo: 'x' } }, ['answers.values.archive', 'answers.values.photo', 'answers.values.publicized']],
    ['a direct answer to a data or sample item', { values: { lateCount: 2, cards: true } }, ['answers.values.cards', 'answers.values.lateCount']],
    ['N/A on an item that allows none', { notApplicable: ['archive', 'quality'] }, ['answers.notApplicable']],
    ['N/A that is not a list of keys', { notApplicable: 'archive' }, ['answers.notApplicable']],
    ['a data check on another item', { dataChecks: { quality: { confirmed: true } } }, ['answers.dataChecks.quality']],
    ['a data check without its verdict', { dataChecks: { lateCount: { observed: 3 } } }, ['answers.dataChecks.lateCount.confirmed']],
    ['a data check with a text figure and an extra key', { dataChecks: { lateCount: { confirmed: false, observed: '3', extra: 1 } } }, ['answers.dataChecks.lateCount.extra', 'answers.dataChecks.lateCount.observed']],
    ['a sample answer for a student not drawn', { sampleAnswers: { cards: { '99': { cardHeld: true } } } }, ['answers.sampleAnswers.cards.99']],
    ['a sample answer of the wrong type', { sampleAnswers: { cards: { '11': { cardHeld: 'yes', unknown: 1 } } } }, ['answers.sampleAnswers.cards.11.cardHeld', 'answers.sampleAnswers.cards.11.unknown']],
    ['sample answers to an item that is no sample', { sampleAnswers: { archive: {} } }, ['answers.sampleAnswers.archive']],
    ['evidence that is not file ids', { evidence: { quality: ['a'], archive: [0], why: 5 } }, ['answers.evidence.archive', 'answers.evidence.quality', 'answers.evidence.why']],
    ['evidence of more than 20 files', { evidence: { quality: Array.from({ length: 21 }, (_, i) => i + 1) } }, ['answers.evidence.quality']],
    ['a remark too long or with a NUL', { remarks: { quality: 'x'.repeat(501), archive: 'a\u0000b', ghost: 'x' } }, ['answers.remarks.archive', 'answers.remarks.ghost', 'answers.remarks.quality']],
  ])('refuses %s, keyed by the path', (_name, answers, keys) => {
    expect(errorKeys(draft(answers))).toEqual(keys);
  });

  it('collects the files photo items and sample questions name', () => {
    const result = draft({ values: { photo: 5 } });
    expect(result.files).toEqual([{ fileId: 5, path: 'answers.values.photo' }]);
  });
});

describe('checkInspectionAnswers: a submit', () => {
  it('accepts complete answers', () => {
    const result = final(COMPLETE_ANSWERS);
    expect(result.errors).toEqual({});
    expect(result.answers.sampleAnswers.cards['13']).toEqual({ cardHeld: true, amountKnown: 'yes' });
  });

  it('names every missing answer: required items, data checks, each sampled student’s questions', () => {
    expect(errorKeys(final({}))).toEqual([
      'answers.dataChecks.lateCount',
      ...['11', '12', '13'].flatMap((id) => [`answers.sampleAnswers.cards.${id}.amountKnown`, `answers.sampleAnswers.cards.${id}.cardHeld`]),
      'answers.values.publicized',
    ]);
  });

  it('requires a conditional item only when it shows, and drops the answer of a hidden one', () => {
    expect(errorKeys(final({ ...COMPLETE_ANSWERS, values: { ...COMPLETE_ANSWERS.values, publicized: 'no' } }))).toEqual(['answers.values.why']);
    const hidden = final({ ...COMPLETE_ANSWERS, values: { ...COMPLETE_ANSWERS.values, why: '旧答案' }, remarks: { why: '旧备注' }, evidence: { why: [3] } });
    expect(hidden.errors).toEqual({});
    expect(hidden.answers.values).not.toHaveProperty('why');
    expect(hidden.answers.remarks).toEqual({});
    expect(hidden.answers.evidence).toEqual({});
  });

  it('requires evidence when the item’s evidence condition holds', () => {
    const poor = { ...COMPLETE_ANSWERS, values: { ...COMPLETE_ANSWERS.values, quality: 'poor' } };
    expect(errorKeys(final(poor))).toEqual(['answers.evidence.quality']);
    expect(final({ ...poor, evidence: { quality: [4] } }).errors).toEqual({});
  });

  it('requires the figure found and a note for a discrepancy', () => {
    const differs = (check: object) => final({ ...COMPLETE_ANSWERS, dataChecks: { lateCount: check } });
    expect(errorKeys(differs({ confirmed: false }))).toEqual(['answers.dataChecks.lateCount.note', 'answers.dataChecks.lateCount.observed']);
    expect(differs({ confirmed: false, observed: 5, note: '另有3笔未入账' }).errors).toEqual({});
  });

  it('takes an N/A answer in place of a required one', () => {
    const na = { ...COMPLETE_ANSWERS, values: { quality: 'good', publicized: 'na' }, notApplicable: ['archive'] };
    expect(final(na).errors).toEqual({});
  });
});
