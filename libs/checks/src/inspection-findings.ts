import {
  answerScore,
  type ChecklistDefinition,
  type ChecklistItem,
  checklistItems,
  type ChecklistScore,
  configuredChoices,
  type ConfiguredField,
  type ConfiguredValue,
  type FindingDraft,
  formatYuan,
  type FrozenDataValue,
  fullScore,
  type InspectionAnswers,
  type InspectionSample,
  type SampledStudent,
  YES_NO_NA,
} from '@zizhu/schema';
import type { Severity } from './check.enums';
import { sampleOf } from './inspection-answers.check';

/** A clue's description holds at most this much. */
const DESCRIPTION_MAX = 2000;

/**
 * The findings a submitted inspection raises, one per record key, in the checklist's order:
 *
 * - an item that failed (`result.failed`: its finding condition held, or a scored answer
 *   earned nothing): `item:<key>`; severity high for a critical (veto) item, else medium;
 * - a data item whose frozen figure the inspector did not confirm (a discrepancy):
 *   `item:<key>` too (merged into the failure's description when the item also failed);
 *   high when critical, else low — the platform's records disagree with the school's, a
 *   correction rather than a breach;
 * - a sampled student for whom a question was answered no (false, 'no', or a scored choice
 *   worth nothing): `item:<key>:student:<id>`, with the student; high when critical, else medium.
 *
 * Hidden and not-applicable items raise nothing. Pure: the API inserts each as a clue.
 */
export function inspectionFindings(
  definition: ChecklistDefinition,
  answers: InspectionAnswers,
  samples: readonly InspectionSample[],
  dataValues: Readonly<Record<string, FrozenDataValue>>,
  score: ChecklistScore,
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  const results = new Map(score.items.map((result) => [result.key, result]));
  for (const { section, item } of checklistItems(definition)) {
    const result = results.get(item.key);
    if (!result?.visible || !result.applicable) continue;
    const heading = `【${section.title}】${item.label}`;
    const remark = answers.remarks?.[item.key];
    const parts: string[] = [];
    let cause: FindingDraft['cause'] | null = null;
    if (result.failed) {
      cause = 'failed';
      parts.push(item.dataItem || item.sample ? '检查认定此项不合格' : `回答：${answerText(item, answers.values[item.key])}`);
    }
    const check = item.dataItem ? answers.dataChecks?.[item.key] : undefined;
    if (check && check.confirmed === false) {
      cause ??= 'discrepancy';
      parts.push(discrepancyText(dataValues[item.key], check.observed, check.note));
    }
    if (cause) {
      if (remark) parts.push(`备注：${remark}`);
      findings.push({
        itemKey: item.key,
        cause,
        recordKey: `item:${item.key}`,
        severity: severityOf(item, cause),
        description: clip(`${heading}：${parts.join('；')}`),
      });
    }
    if (item.sample) findings.push(...sampleMismatches(item, heading, sampleOf(samples, item.key), answers));
  }
  return findings;
}

function severityOf(item: ChecklistItem, cause: FindingDraft['cause']): Severity {
  if (item.critical) return 'high';
  return cause === 'discrepancy' ? 'low' : 'medium';
}

function sampleMismatches(item: ChecklistItem, heading: string, students: readonly SampledStudent[], answers: InspectionAnswers): FindingDraft[] {
  const questions = item.sample?.questions ?? [];
  const findings: FindingDraft[] = [];
  for (const student of students) {
    const given = answers.sampleAnswers?.[item.key]?.[String(student.studentId)] ?? {};
    const failing = questions.filter((question) => answeredNo(question, given[question.key]));
    if (!failing.length) continue;
    const who = `抽查学生 ${student.name}（${student.programName}，已发放 ${formatYuan(student.amountPaid)} 元）`;
    const what = failing.map((question) => `${question.label}：${answerText(question, given[question.key])}`).join('；');
    findings.push({
      itemKey: item.key,
      cause: 'sampleMismatch',
      studentId: student.studentId,
      recordKey: `item:${item.key}:student:${student.studentId}`,
      severity: severityOf(item, 'sampleMismatch'),
      description: clip(`${heading}：${who}：${what}`),
    });
  }
  return findings;
}

/** A sample question answered no: false, 'no', or a scored answer that earns nothing of a full score. */
export function answeredNo(question: ConfiguredField, answer: ConfiguredValue | undefined): boolean {
  if (answer === undefined || answer === null) return false;
  if (answer === false || answer === 'no') return true;
  const full = fullScore(question);
  const earned = answerScore(question, answer);
  return full !== undefined && full > 0 && earned !== undefined && earned <= 0;
}

/** An answer as a person reads it: 是/否, a choice's label, the text or number. */
export function answerText(field: ConfiguredField, answer: ConfiguredValue | undefined): string {
  if (answer === undefined || answer === null || answer === '') return '未作答';
  if (typeof answer === 'boolean') return answer ? '是' : '否';
  if (field.type === 'file') return '已上传附件';
  const labels = new Map<string, string>(field.type === 'yesNoNa' ? YES_NO_NA.map((option) => [option.value, option.label.zh]) : []);
  for (const choice of configuredChoices(field)) if (choice.label) labels.set(choice.value, choice.label);
  const label = (value: string) => labels.get(value) ?? value;
  if (Array.isArray(answer)) return answer.map(label).join('、');
  return typeof answer === 'string' ? label(answer) : String(answer);
}

function discrepancyText(frozen: FrozenDataValue | undefined, observed: number | null | undefined, note: string | undefined): string {
  const unit = frozen?.unit.zh ?? '';
  const platform = frozen?.value == null ? '无数据' : `${frozen.value}${unit}`;
  const found = observed == null ? '未填写' : `${observed}${unit}`;
  return `平台数据 ${platform}，现场核实 ${found}${note ? `，说明：${note}` : ''}`;
}

function clip(text: string): string {
  const chars = [...text];
  return chars.length <= DESCRIPTION_MAX ? text : `${chars.slice(0, DESCRIPTION_MAX - 1).join('')}…`;
}
