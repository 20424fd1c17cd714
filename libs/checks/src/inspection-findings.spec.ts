import fc from 'fast-check';
import { checklistItems, type InspectionAnswers, scoreChecklist } from '@zizhu/schema';
import { checkInspectionAnswers } from './inspection-answers.check';
import { answeredNo, inspectionFindings } from './inspection-findings';
import { COMPLETE_ANSWERS, INSPECTION_DATA_VALUES, INSPECTION_DEFINITION, INSPECTION_SAMPLES } from './inspection.fixtures';

const findingsOf = (answers: InspectionAnswers) =>
  inspectionFindings(INSPECTION_DEFINITION, answers, INSPECTION_SAMPLES, INSPECTION_DATA_VALUES, scoreChecklist(INSPECTION_DEFINITION, answers, 60));

describe('inspectionFindings', () => {
  it('raises nothing on answers that are all in order', () => {
    expect(findingsOf(COMPLETE_ANSWERS)).toEqual([]);
  });

  it('raises a failed item, a discrepancy and a sample mismatch, each once, in the checklist’s order', () => {
    const findings = findingsOf({
      ...COMPLETE_ANSWERS,
      values: { publicized: 'no', why: '公示栏拆除', quality: 'poor', archive: true },
      dataChecks: { lateCount: { confirmed: false, observed: 5, note: '另有3笔未入账' } },
      sampleAnswers: { cards: { ...COMPLETE_ANSWERS.sampleAnswers.cards, '12': { cardHeld: false, amountKnown: 'no' } } },
      remarks: { quality: '档案缺失严重' },
    });
    expect(findings).toEqual([
      { itemKey: 'publicized', cause: 'failed', recordKey: 'item:publicized', severity: 'high', description: '【政策落实】资助政策是否公示：回答：否' },
      { itemKey: 'quality', cause: 'failed', recordKey: 'item:quality', severity: 'medium', description: '【政策落实】档案质量：回答：差；备注：档案缺失严重' },
      {
        itemKey: 'lateCount',
        cause: 'discrepancy',
        recordKey: 'item:lateCount',
        severity: 'low',
        description: '【资金管理】超期发放笔数：平台数据 2笔，现场核实 5笔，说明：另有3笔未入账',
      },
      {
        itemKey: 'cards',
        cause: 'sampleMismatch',
        studentId: 12,
        recordKey: 'item:cards:student:12',
        severity: 'medium',
        description: '【资金管理】亮卡检查：抽查学生 李*（普通高中国家助学金，已发放 1250.00 元）：本人持卡：否；知晓资助金额：否',
      },
    ]);
  });

  it('raises nothing for a hidden or not applicable item', () => {
    const findings = findingsOf({ ...COMPLETE_ANSWERS, values: { publicized: 'na', quality: 'good', archive: false }, notApplicable: ['archive'] });
    expect(findings).toEqual([]);
  });

  it('counts a scored choice worth nothing as a sample question answered no', () => {
    const question = { key: 'q', label: '问', type: 'select' as const, choices: [{ value: 'ok', score: 1 }, { value: 'bad', score: 0 }] };
    expect(answeredNo(question, 'bad')).toBe(true);
    expect(answeredNo(question, 'ok')).toBe(false);
    expect(answeredNo({ key: 'n', label: '数', type: 'number' }, 0)).toBe(false);
    expect(answeredNo({ key: 'b', label: '是否', type: 'boolean' }, undefined)).toBe(false);
  });

  it('for any answers: one finding per record key, about visible items, high exactly for critical ones, students from the sample', () => {
    const yesNo = fc.constantFrom('yes', 'no', 'na');
    const studentAnswers = fc.record({ cardHeld: fc.boolean(), amountKnown: yesNo }, { requiredKeys: [] });
    const answers = fc.record({
      values: fc.record({ publicized: yesNo, why: fc.string({ maxLength: 5 }), quality: fc.constantFrom('good', 'fair', 'poor'), archive: fc.boolean() }, { requiredKeys: [] }),
      notApplicable: fc.subarray(['archive']),
      dataChecks: fc.record({ lateCount: fc.record({ confirmed: fc.boolean(), observed: fc.integer({ min: 0, max: 9 }), note: fc.constant('核实') }) }, { requiredKeys: [] }),
      sampleAnswers: fc.record({ cards: fc.record({ '11': studentAnswers, '12': studentAnswers, '13': studentAnswers }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    });
    const critical = new Set(checklistItems(INSPECTION_DEFINITION).filter(({ item }) => item.critical).map(({ item }) => item.key));
    const drawn = new Set(INSPECTION_SAMPLES[0].students.map((s) => s.studentId));
    fc.assert(
      fc.property(answers, (raw) => {
        const { answers: cleaned } = checkInspectionAnswers(INSPECTION_DEFINITION, INSPECTION_SAMPLES, raw, 'draft');
        const score = scoreChecklist(INSPECTION_DEFINITION, cleaned, 60);
        const findings = inspectionFindings(INSPECTION_DEFINITION, cleaned, INSPECTION_SAMPLES, INSPECTION_DATA_VALUES, score);
        const keys = findings.map((f) => f.recordKey);
        const visible = new Set(score.items.filter((i) => i.visible && i.applicable).map((i) => i.key));
        const failed = score.items.filter((i) => i.failed).map((i) => `item:${i.key}`);
        return (
          new Set(keys).size === keys.length &&
          findings.every((f) => visible.has(f.itemKey)) &&
          findings.every((f) => (f.severity === 'high') === critical.has(f.itemKey)) &&
          findings.every((f) => (f.studentId === undefined) === (f.cause !== 'sampleMismatch') && (f.studentId === undefined || drawn.has(f.studentId))) &&
          failed.every((key) => keys.includes(key)) &&
          findings.every((f) => f.description.length <= 2000)
        );
      }),
    );
  });
});
