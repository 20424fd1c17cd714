import { defineResource, type FieldDeclaration } from '@zizhu/schema';
import { DEFAULT_LAGGING_BELOW, REVIEW_INDICATORS } from './review-indicators';

/** The weights' total, which must be 100. */
export const REVIEW_WEIGHT_TOTAL = 100;

const weightFields: Record<string, FieldDeclaration> = Object.fromEntries(
  REVIEW_INDICATORS.map((indicator) => [
    indicator.weightField,
    {
      type: 'integer',
      label: { zh: `${indicator.label.zh}权重`, en: `${indicator.label.en} weight` },
      help: indicator.description,
      required: true,
      min: 0,
      max: REVIEW_WEIGHT_TOTAL,
      defaultValue: indicator.defaultWeight,
      list: true,
    } satisfies FieldDeclaration,
  ]),
);

/** The sum of a record's weights (missing ones count as nothing). */
export function reviewWeightSum(record: Readonly<Record<string, unknown>>): number {
  return REVIEW_INDICATORS.reduce((sum, indicator) => {
    const value = record[indicator.weightField];
    return sum + (typeof value === 'number' ? value : 0);
  }, 0);
}

/**
 * 点评权重: how a plan's 月点评 and 季通报 weigh each indicator (whole percents, totalling
 * 100) and the lagging line (a unit whose weighted total is below it is 工作滞后). One per
 * plan; a plan without one uses the defaults (任务完成 40, the others 15, 15, 10, 10, 10;
 * lagging below 60). A review freezes the weights it was computed with.
 */
export const reviewWeightsResource = defineResource({
  name: 'review-weights',
  table: 'review_weights',
  label: { zh: '点评权重', en: 'Review weights' },
  recordLabel: 'planId',
  idType: 'integer',
  icon: 'tune',
  menu: { group: 'tasks', order: 22 },
  audited: true,
  versioned: true,
  scope: { kind: 'reference', via: ['planId'], readFromBelow: true },
  access: {
    list: ['admin', 'county', 'inspector'],
    create: ['admin', 'county'],
    update: ['admin', 'county'],
    delete: ['admin', 'county'],
  },
  businessKey: ['planId'],
  importable: false,
  defaultSort: { field: 'id', order: 'DESC' },
  indexes: [
    { name: 'ux_review_weights_plan', columns: ['plan_id'], unique: true },
    { name: 'ix_review_weights_scope_path', columns: ['scope_path', 'id'] },
  ],
  fields: {
    planId: {
      type: 'reference',
      reference: 'work-plans',
      label: { zh: '工作计划', en: 'Work plan' },
      help: { zh: '每个计划一套权重；未设置的计划使用默认权重', en: 'One set per plan; a plan without one uses the defaults' },
      required: true,
      immutable: true,
      list: true,
      filter: 'exact',
    },
    ...weightFields,
    laggingBelow: {
      type: 'integer',
      label: { zh: '滞后线', en: 'Lagging below' },
      help: {
        zh: '加权总分低于此分数的单位列为工作滞后（有未完成任务的单位无论得分均列入）',
        en: 'Units whose weighted total is below this are lagging (so is any unit that missed a duty, whatever its total)',
      },
      required: true,
      min: 0,
      max: 100,
      defaultValue: DEFAULT_LAGGING_BELOW,
      list: true,
    },
  },
  check: (r) => {
    const sum = reviewWeightSum(r);
    if (sum === REVIEW_WEIGHT_TOTAL) return null;
    return {
      field: REVIEW_INDICATORS[0].weightField,
      message: { zh: `各项权重合计应为 ${REVIEW_WEIGHT_TOTAL}（现为 ${sum}）`, en: `The weights must total ${REVIEW_WEIGHT_TOTAL} (they total ${sum})` },
    };
  },
});
