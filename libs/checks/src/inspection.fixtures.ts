import type { ChecklistDefinition, FrozenDataValue, InspectionSample } from '@zizhu/schema';

/**
 * A checklist with every kind of item the inspection lifecycle handles, for the unit specs
 * of the answers check and the findings: a critical yes/no/N-A, a conditional item, scored
 * choices needing evidence when poor, an N/A-able item, a data item, a sample item and a photo.
 */
export const INSPECTION_DEFINITION: ChecklistDefinition = {
  sections: [
    {
      key: 'policy',
      title: '政策落实',
      weight: 2,
      items: [
        { key: 'publicized', label: '资助政策是否公示', type: 'yesNoNa', critical: true, required: true },
        {
          key: 'why',
          label: '未公示原因',
          type: 'text',
          visibleWhen: { '==': [{ var: 'values.publicized' }, 'no'] },
          requiredWhen: { '==': [{ var: 'values.publicized' }, 'no'] },
        },
        {
          key: 'quality',
          label: '档案质量',
          type: 'select',
          weight: 3,
          choices: [
            { value: 'good', label: '好', score: 2 },
            { value: 'fair', label: '一般', score: 1 },
            { value: 'poor', label: '差', score: 0 },
          ],
          evidenceWhen: { '==': [{ var: 'values.quality' }, 'poor'] },
        },
        { key: 'archive', label: '一人一档', type: 'boolean', naAllowed: true },
      ],
    },
    {
      key: 'funds',
      title: '资金管理',
      items: [
        { key: 'lateCount', label: '超期发放笔数', type: 'number', dataItem: 'latePayments' },
        {
          key: 'cards',
          label: '亮卡检查',
          type: 'boolean',
          sample: {
            size: 3,
            questions: [
              { key: 'cardHeld', label: '本人持卡', type: 'boolean' },
              { key: 'amountKnown', label: '知晓资助金额', type: 'yesNoNa' },
            ],
          },
        },
        { key: 'photo', label: '现场照片', type: 'file' },
      ],
    },
  ],
};

export const INSPECTION_SAMPLES: InspectionSample[] = [
  {
    itemKey: 'cards',
    year: 2026,
    term: 'spring',
    students: [
      { studentId: 11, name: '张*明', programId: 3, programName: '普通高中国家助学金', amountPaid: 100000 },
      { studentId: 12, name: '李*', programId: 3, programName: '普通高中国家助学金', amountPaid: 125000 },
      { studentId: 13, name: '王*华', programId: 2, programName: '寄宿生生活补助', amountPaid: 62500 },
    ],
  },
];

export const INSPECTION_DATA_VALUES: Record<string, FrozenDataValue> = {
  lateCount: { code: 'latePayments', label: { zh: '本学期超过期限发放的笔数', en: 'Late payments' }, unit: { zh: '笔', en: 'payments' }, value: 2, computedAt: '2026-12-01T02:00:00.000Z' },
};

/** Answers that pass the final check: every visible item answered, every sampled student's questions. */
export const COMPLETE_ANSWERS = {
  values: { publicized: 'yes', quality: 'good', archive: true },
  dataChecks: { lateCount: { confirmed: true } },
  sampleAnswers: {
    cards: {
      '11': { cardHeld: true, amountKnown: 'yes' },
      '12': { cardHeld: true, amountKnown: 'yes' },
      '13': { cardHeld: true, amountKnown: 'yes' },
    },
  },
};
