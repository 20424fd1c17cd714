import type { ChecklistDefinition, ChecklistItem, ItemCondition } from '@zizhu/schema';
import type { PoolClient } from 'pg';

const SCORED_3 = (good: string, fair: string, poor: string) => [
  { value: 'good', label: good, score: 10 },
  { value: 'fair', label: fair, score: 5 },
  { value: 'poor', label: poor, score: 0 },
];
const isNo = (key: string): ItemCondition => ({ '==': [{ var: `values.${key}` }, false] });
const yesNo = (key: string, label: string, extra: Partial<ChecklistItem> = {}): ChecklistItem => ({ key, label, type: 'boolean', required: true, ...extra });

/**
 * 资助工作专项检查 (seed 001: 专项检查、抽查; seed 004: 资助大检查): thirty items in five
 * sections — organisation, eligibility, payments, records, and a sample of recipients with
 * rectification — with four data items the platform computes and critical (一票否决) items.
 */
export const SPECIAL_INSPECTION: ChecklistDefinition = {
  sections: [
    {
      key: 'organisation',
      title: '组织管理',
      weight: 1,
      items: [
        yesNo('leadingGroup', '成立学生资助工作领导小组，校长为第一责任人'),
        yesNo('dedicatedOfficer', '配备专职（兼职）资助工作人员'),
        { key: 'rules', label: '资助工作制度健全', type: 'select', required: true, choices: SCORED_3('健全并执行', '基本健全', '不健全') },
        { key: 'meetings', label: '定期召开资助工作会议并有记录', type: 'yesNoNa', naAllowed: true },
        { key: 'publicity', label: '资助政策宣传', type: 'select', required: true, choices: SCORED_3('多渠道宣传到位', '有宣传但不全面', '未宣传') },
        { key: 'publicityPhoto', label: '宣传照片', type: 'file', visibleWhen: { '!=': [{ var: 'values.publicity' }, 'poor'] } },
      ],
    },
    {
      key: 'eligibility',
      title: '资格认定',
      weight: 2,
      items: [
        { key: 'procedure', label: '家庭经济困难学生认定程序规范', type: 'select', required: true, choices: SCORED_3('规范', '基本规范', '不规范') },
        yesNo('classReview', '成立班级认定评议小组并有评议记录'),
        { key: 'resultPublicity', label: '认定结果公示（不公示隐私信息）', type: 'select', required: true, choices: SCORED_3('规范公示', '公示不全', '未公示'), evidenceWhen: { '!=': [{ var: 'values.resultPublicity' }, 'poor'] } },
        yesNo('registeredCovered', '建档立卡等特殊群体学生应助尽助', { critical: true }),
        { key: 'topTierShare', label: '特殊群体学生按最高档资助的比例', type: 'number', dataItem: 'specialTopTierShare' },
        { key: 'comparisonProgress', label: '大数据比对结果核实进度', type: 'number', dataItem: 'verificationProgress' },
        { key: 'omissionNote', label: '漏助、错助情况说明', type: 'longText', requiredWhen: isNo('registeredCovered') },
      ],
    },
    {
      key: 'payments',
      title: '资金发放',
      weight: 2,
      items: [
        yesNo('paidOnTime', '资助资金按时足额发放', { critical: true }),
        { key: 'latePaymentCount', label: '超过截止日期发放的笔数', type: 'number', dataItem: 'latePayments' },
        { key: 'executionRate', label: '本学期资金执行率', type: 'number', dataItem: 'programExecutionRate' },
        yesNo('paidToCard', '通过资助卡（银行卡）发放，无现金发放', { critical: true }),
        yesNo('noDiversion', '无截留、挤占、挪用资助资金', { critical: true }),
        { key: 'paymentPublicity', label: '发放名单公示', type: 'select', required: true, choices: SCORED_3('规范公示', '公示不全', '未公示') },
        yesNo('familiesTold', '发放后告知学生家长（致家长的一封信、短信）'),
      ],
    },
    {
      key: 'records',
      title: '档案管理',
      weight: 1,
      items: [
        { key: 'onePersonOneFile', label: '受助学生一人一档', type: 'yesNoNa', required: true, naAllowed: true },
        { key: 'fileCompleteness', label: '档案资料完整（申请表、认定表、公示材料、发放凭证）', type: 'select', required: true, choices: SCORED_3('完整', '部分缺失', '严重缺失') },
        yesNo('systemUpdated', '每月20日前更新维护系统数据'),
        yesNo('ledger', '资助工作台账清晰'),
        { key: 'archivePhoto', label: '档案柜照片', type: 'file', evidenceWhen: { '==': [{ var: 'values.fileCompleteness' }, 'poor'] } },
      ],
    },
    {
      key: 'followUp',
      title: '抽查与整改',
      weight: 1,
      items: [
        {
          key: 'recipientSample',
          label: '抽查受助学生',
          type: 'boolean',
          sample: {
            size: 5,
            questions: [
              { key: 'cardHeld', label: '资助卡由学生（家长）本人持有', type: 'boolean', required: true },
              { key: 'amountMatches', label: '学生所述金额与发放记录一致', type: 'boolean', required: true },
              { key: 'familyKnows', label: '家长知晓资助政策', type: 'boolean', required: true },
            ],
          },
        },
        { key: 'overdueClueCount', label: '逾期未办结的问题线索', type: 'number', dataItem: 'overdueClues' },
        { key: 'lastRectified', label: '上次检查发现的问题已整改到位', type: 'yesNoNa', required: true, naAllowed: true },
        { key: 'rectificationNote', label: '未整改到位的原因', type: 'longText', requiredWhen: { '==': [{ var: 'values.lastRectified' }, 'no'] } },
        yesNo('homeVisits', '开展家访并有记录'),
        { key: 'otherProblems', label: '其他问题', type: 'longText' },
      ],
    },
  ],
};

/** 学校资助工作自查表: what a school checks itself before the county's 核查 (seed 001: 自查). */
export const SCHOOL_SELF_CHECK: ChecklistDefinition = {
  sections: [
    {
      key: 'organisation',
      title: '组织与制度',
      items: [
        yesNo('leadingGroup', '成立学生资助工作领导小组'),
        { key: 'rules', label: '资助工作制度', type: 'select', required: true, choices: SCORED_3('健全并执行', '基本健全', '不健全') },
      ],
    },
    {
      key: 'work',
      title: '认定与发放',
      weight: 2,
      items: [
        { key: 'procedure', label: '认定程序', type: 'select', required: true, choices: SCORED_3('规范', '基本规范', '不规范') },
        yesNo('paidOnTime', '资金按时足额发放', { critical: true }),
        yesNo('paidToCard', '通过资助卡发放', { critical: true }),
        { key: 'onePersonOneFile', label: '一人一档', type: 'yesNoNa', naAllowed: true },
        { key: 'selfProblems', label: '自查发现的问题及整改措施', type: 'longText', requiredWhen: { '==': [{ var: 'values.paidOnTime' }, false] } },
      ],
    },
  ],
};

export const DEMO_CHECKLISTS = [
  { code: 'ZXJC', name: '学生资助工作专项检查表', kind: 'special', description: '县（市、区）教育局对学校资助工作的专项检查、抽查和核查', definition: SPECIAL_INSPECTION, passMark: 80 },
  { code: 'XXZC', name: '学校资助工作自查表', kind: 'self', description: '学校每学期开展资助工作自查', definition: SCHOOL_SELF_CHECK, passMark: 80 },
] as const;

/** The city's two templates, each with version 1 published; returns the version ids by template code. */
export async function seedChecklists(client: PoolClient, cityId: string): Promise<Map<string, number>> {
  const { rows } = await client.query<{ code: string; id: number }>(
    `WITH t AS (
       INSERT INTO checklist_templates (code, name, kind, region_id, description, scope_path, version)
       SELECT c->>'code', c->>'name', c->>'kind', r.id, c->>'description', r.scope_path, 1
         FROM jsonb_array_elements($1::jsonb) c JOIN regions r ON r.id = $2
       RETURNING id, code, scope_path
     )
     INSERT INTO checklist_versions (template_id, number, status, pass_mark, definition, published_at, scope_path, version)
     SELECT t.id, 1, 'published', (c->>'passMark')::int, c->'definition', now(), t.scope_path, 1
       FROM t JOIN jsonb_array_elements($1::jsonb) c ON c->>'code' = t.code
     RETURNING id, (SELECT code FROM t WHERE t.id = template_id) AS code`,
    [JSON.stringify(DEMO_CHECKLISTS), cityId],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}
