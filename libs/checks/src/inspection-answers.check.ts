import {
  type ChecklistDefinition,
  type ChecklistItem,
  checklistItems,
  conditionData,
  conditionHolds,
  configuredDeclaration,
  type ConfiguredField,
  type ConfiguredValue,
  type DataItemCheck,
  type InspectionAnswers,
  type InspectionSample,
  type Localized,
  renderMessage,
  validateConfiguredValues,
} from '@zizhu/schema';

/** Autosave (`draft`) or submit (`final`); see checkInspectionAnswers. */
export type AnswersCheckMode = 'draft' | 'final';

/** A file an answer names (evidence, or a photo item's value), with the path to report it on. */
export interface AnswerFile {
  fileId: number;
  path: string;
}

export interface CheckedInspectionAnswers {
  /** The cleaned answers: every part present, empty answers dropped, computed items computed. */
  answers: Required<InspectionAnswers>;
  errors: Record<string, Localized>;
  files: AnswerFile[];
}

export const MAX_EVIDENCE_PER_ITEM = 20;
export const MAX_REMARK_LENGTH = 500;
const MAX_OBSERVED = 1e12;
const INT4_MAX = 2 ** 31 - 1;
const PARTS = ['values', 'notApplicable', 'dataChecks', 'sampleAnswers', 'evidence', 'remarks'] as const;

export const ANSWER_MESSAGES = {
  malformed: { zh: '检查记录格式不正确', en: 'The answers are malformed' },
  unknownPart: { zh: '检查记录中没有此部分', en: 'No such part of the answers' },
  notAnObject: { zh: '格式不正确，应为对象', en: 'Malformed: an object is expected' },
  noSuchItem: { zh: '检查表中没有此检查项', en: 'No such item in this checklist' },
  notAValueItem: { zh: '此项为数据核对或抽样检查项，不直接填写答案', en: 'This item is answered by its data check or its sample, not directly' },
  notDataItem: { zh: '此项不是数据项', en: 'This item is not a data item' },
  notSampleItem: { zh: '此项不是抽样检查项', en: 'This item is not a sample item' },
  notSampled: { zh: '该学生不在本项的抽样名单中', en: 'This student was not drawn for this item' },
  notApplicable: (labels: string): Localized => ({ zh: `以下检查项不允许选“不适用”：${labels}`, en: `These items cannot be marked not applicable: ${labels}` }),
  notApplicableShape: { zh: '“不适用”应为检查项代码的列表', en: 'Not applicable must be a list of item keys' },
  confirmed: { zh: '请选择平台数据是否属实', en: 'Say whether the platform’s figure is right' },
  observed: { zh: '核实数应为数字', en: 'The observed figure must be a number' },
  observedRequired: { zh: '数据不符时请填写现场核实数', en: 'Enter the figure found when it differs' },
  noteRequired: { zh: '数据不符时请说明情况', en: 'Explain the difference' },
  note: { zh: `说明不能超过 ${MAX_REMARK_LENGTH} 个字`, en: `At most ${MAX_REMARK_LENGTH} characters` },
  dataCheckRequired: { zh: '请核对平台数据：确认无误，或填写核实数和说明', en: 'Check the platform’s figure: confirm it, or enter what you found and why' },
  sampleRequired: { zh: '请回答此问题', en: 'Answer this question' },
  evidence: { zh: `佐证材料应为已上传文件的编号，最多 ${MAX_EVIDENCE_PER_ITEM} 个`, en: `Evidence is a list of uploaded file ids, at most ${MAX_EVIDENCE_PER_ITEM}` },
  evidenceRequired: { zh: '此项须上传佐证材料（照片或文件）', en: 'This item needs evidence (a photo or a file)' },
  remark: { zh: `备注应为文字，不能超过 ${MAX_REMARK_LENGTH} 个字`, en: `A remark is text of at most ${MAX_REMARK_LENGTH} characters` },
} satisfies Record<string, Localized | ((labels: string) => Localized)>;

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasNul = (text: string) => text.includes('\u0000');

export function isDataItem(item: ChecklistItem): boolean {
  return item.dataItem !== undefined;
}

export function isSampleItem(item: ChecklistItem): boolean {
  return item.sample !== undefined;
}

/**
 * An inspection's answers checked against its checklist version and the students drawn
 * for it. `draft` (autosave): anything may be missing, but whatever is given must be of the
 * right shape and type and name an item of the version. `final` (submit): besides, every
 * visible item that needs an answer has one (required / requiredWhen; a data item its
 * check; a sample item every question for every drawn student; evidence where
 * evidenceWhen holds), and the answers of hidden items are dropped. Errors are keyed by
 * the answer's path (`answers.values.<item>`, `answers.sampleAnswers.<item>.<student>.<question>`),
 * where the panel shows them.
 */
export function checkInspectionAnswers(
  definition: ChecklistDefinition,
  samples: readonly InspectionSample[],
  input: unknown,
  mode: AnswersCheckMode,
): CheckedInspectionAnswers {
  const errors: Record<string, Localized> = {};
  const files: AnswerFile[] = [];
  const items = new Map(checklistItems(definition).map(({ item }) => [item.key, item]));
  const answers: Required<InspectionAnswers> = { values: {}, notApplicable: [], dataChecks: {}, sampleAnswers: {}, evidence: {}, remarks: {} };
  if (!isObject(input)) return { answers, errors: { answers: ANSWER_MESSAGES.malformed }, files };
  for (const key of Object.keys(input)) {
    if (!(PARTS as readonly string[]).includes(key)) errors[`answers.${key}`] = ANSWER_MESSAGES.unknownPart;
  }
  const part = (name: (typeof PARTS)[number]): Raw | undefined => {
    const value = Object.prototype.hasOwnProperty.call(input, name) ? input[name] : undefined;
    if (value === undefined || value === null) return {};
    if (isObject(value)) return value;
    errors[`answers.${name}`] = ANSWER_MESSAGES.notAnObject;
    return undefined;
  };
  const ctx: Context = { items, errors, files };
  answers.values = checkValues(ctx, part('values'));
  answers.notApplicable = checkNotApplicable(ctx, Object.prototype.hasOwnProperty.call(input, 'notApplicable') ? input.notApplicable : undefined);
  answers.dataChecks = checkDataChecks(ctx, part('dataChecks'), mode);
  answers.sampleAnswers = checkSampleAnswers(ctx, part('sampleAnswers'), samples);
  answers.evidence = checkEvidence(ctx, part('evidence'));
  answers.remarks = checkRemarks(ctx, part('remarks'));
  if (mode === 'final') completeness(definition, samples, answers, errors);
  return { answers, errors, files: files.filter((file) => !(file.path in errors)) };
}

interface Context {
  items: ReadonlyMap<string, ChecklistItem>;
  errors: Record<string, Localized>;
  files: AnswerFile[];
}

/** Known items, each through its configured type's checks; data and sample items have no direct answer. */
function checkValues(ctx: Context, raw: Raw | undefined): Record<string, ConfiguredValue> {
  if (!raw) return {};
  const given: Raw = {};
  for (const [key, value] of Object.entries(raw)) {
    const item = ctx.items.get(key);
    if (!item) ctx.errors[`answers.values.${key}`] = ANSWER_MESSAGES.noSuchItem;
    else if (isDataItem(item) || isSampleItem(item)) ctx.errors[`answers.values.${key}`] = ANSWER_MESSAGES.notAValueItem;
    else given[key] = value;
  }
  const answerItems = [...ctx.items.values()].filter((item) => !isDataItem(item) && !isSampleItem(item));
  const checked = validateConfiguredValues(answerItems, given, { answersOptional: true });
  for (const [key, message] of Object.entries(checked.errors)) ctx.errors[`answers.values.${key}`] = message;
  collectFiles(ctx, answerItems, checked.values, 'answers.values');
  return checked.values;
}

function collectFiles(ctx: Context, fields: readonly ConfiguredField[], values: Readonly<Record<string, ConfiguredValue>>, path: string): void {
  for (const field of fields) {
    const value = values[field.key];
    if (field.type === 'file' && typeof value === 'number') ctx.files.push({ fileId: value, path: `${path}.${field.key}` });
  }
}

function checkNotApplicable(ctx: Context, raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.some((key) => typeof key !== 'string') || raw.length > ctx.items.size) {
    ctx.errors['answers.notApplicable'] = ANSWER_MESSAGES.notApplicableShape;
    return [];
  }
  const keys = [...new Set(raw as string[])];
  const refused = keys.filter((key) => ctx.items.get(key)?.naAllowed !== true);
  if (refused.length) {
    ctx.errors['answers.notApplicable'] = ANSWER_MESSAGES.notApplicable(refused.map((key) => ctx.items.get(key)?.label ?? key).join('、'));
    return [];
  }
  return keys;
}

function checkDataChecks(ctx: Context, raw: Raw | undefined, mode: AnswersCheckMode): Record<string, DataItemCheck> {
  const checks: Record<string, DataItemCheck> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const at = `answers.dataChecks.${key}`;
    const item = ctx.items.get(key);
    if (!item) ctx.errors[at] = ANSWER_MESSAGES.noSuchItem;
    else if (!isDataItem(item)) ctx.errors[at] = ANSWER_MESSAGES.notDataItem;
    else if (!isObject(value)) ctx.errors[at] = ANSWER_MESSAGES.notAnObject;
    else {
      const check = checkDataCheck(ctx, at, value, mode);
      if (check) checks[key] = check;
    }
  }
  return checks;
}

function checkDataCheck(ctx: Context, at: string, raw: Raw, mode: AnswersCheckMode): DataItemCheck | null {
  const before = Object.keys(ctx.errors).length;
  for (const key of Object.keys(raw)) if (!['confirmed', 'observed', 'note'].includes(key)) ctx.errors[`${at}.${key}`] = ANSWER_MESSAGES.unknownPart;
  const { confirmed, observed, note } = raw;
  if (typeof confirmed !== 'boolean') ctx.errors[`${at}.confirmed`] = ANSWER_MESSAGES.confirmed;
  if (observed != null && (typeof observed !== 'number' || !Number.isFinite(observed) || Math.abs(observed) > MAX_OBSERVED)) ctx.errors[`${at}.observed`] = ANSWER_MESSAGES.observed;
  if (note != null && (typeof note !== 'string' || note.length > MAX_REMARK_LENGTH || hasNul(note))) ctx.errors[`${at}.note`] = ANSWER_MESSAGES.note;
  if (Object.keys(ctx.errors).length > before) return null;
  const text = typeof note === 'string' ? note.trim() : '';
  if (mode === 'final' && confirmed === false) {
    if (typeof observed !== 'number') ctx.errors[`${at}.observed`] = ANSWER_MESSAGES.observedRequired;
    if (!text) ctx.errors[`${at}.note`] = ANSWER_MESSAGES.noteRequired;
  }
  return { confirmed: confirmed as boolean, ...(typeof observed === 'number' ? { observed } : {}), ...(text ? { note: text } : {}) };
}

type SampleAnswers = Record<string, Record<string, Record<string, ConfiguredValue>>>;

function checkSampleAnswers(ctx: Context, raw: Raw | undefined, samples: readonly InspectionSample[]): SampleAnswers {
  const result: SampleAnswers = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const at = `answers.sampleAnswers.${key}`;
    const item = ctx.items.get(key);
    if (!item) ctx.errors[at] = ANSWER_MESSAGES.noSuchItem;
    else if (!isSampleItem(item)) ctx.errors[at] = ANSWER_MESSAGES.notSampleItem;
    else if (!isObject(value)) ctx.errors[at] = ANSWER_MESSAGES.notAnObject;
    else {
      const drawn = new Set(sampleOf(samples, key).map((student) => String(student.studentId)));
      const questions = item.sample?.questions ?? [];
      const byStudent: Record<string, Record<string, ConfiguredValue>> = {};
      for (const [studentId, answers] of Object.entries(value)) {
        const path = `${at}.${studentId}`;
        if (!drawn.has(studentId)) ctx.errors[path] = ANSWER_MESSAGES.notSampled;
        else if (!isObject(answers)) ctx.errors[path] = ANSWER_MESSAGES.notAnObject;
        else {
          const checked = validateConfiguredValues(questions, answers, { answersOptional: true });
          for (const [question, message] of Object.entries(checked.errors)) ctx.errors[`${path}.${question}`] = message;
          collectFiles(ctx, questions, checked.values, path);
          if (Object.keys(checked.values).length) byStudent[studentId] = checked.values;
        }
      }
      result[key] = byStudent;
    }
  }
  return result;
}

function checkEvidence(ctx: Context, raw: Raw | undefined): Record<string, number[]> {
  const evidence: Record<string, number[]> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const at = `answers.evidence.${key}`;
    if (!ctx.items.has(key)) {
      ctx.errors[at] = ANSWER_MESSAGES.noSuchItem;
      continue;
    }
    const valid = Array.isArray(value) && value.length <= MAX_EVIDENCE_PER_ITEM && value.every((id) => Number.isInteger(id) && id >= 1 && id <= INT4_MAX);
    if (!valid) {
      ctx.errors[at] = ANSWER_MESSAGES.evidence;
      continue;
    }
    const ids = [...new Set(value as number[])];
    if (!ids.length) continue;
    evidence[key] = ids;
    for (const fileId of ids) ctx.files.push({ fileId, path: at });
  }
  return evidence;
}

function checkRemarks(ctx: Context, raw: Raw | undefined): Record<string, string> {
  const remarks: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    const at = `answers.remarks.${key}`;
    if (!ctx.items.has(key)) ctx.errors[at] = ANSWER_MESSAGES.noSuchItem;
    else if (value === null) continue;
    else if (typeof value !== 'string' || value.length > MAX_REMARK_LENGTH || hasNul(value)) ctx.errors[at] = ANSWER_MESSAGES.remark;
    else if (value.trim()) remarks[key] = value.trim();
  }
  return remarks;
}

export function sampleOf(samples: readonly InspectionSample[], itemKey: string): InspectionSample['students'] {
  return samples.find((sample) => sample.itemKey === itemKey)?.students ?? [];
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Items hidden by their `visibleWhen`, settled: dropping a hidden item's answer may hide
 * others that depend on it, so the set is computed again until it no longer grows.
 */
export function hiddenItems(definition: ChecklistDefinition, answers: InspectionAnswers): Set<string> {
  const hidden = new Set<string>();
  for (;;) {
    const values = Object.fromEntries(Object.entries(answers.values).filter(([key]) => !hidden.has(key)));
    const data = conditionData(definition, { ...answers, values });
    const before = hidden.size;
    for (const { item } of checklistItems(definition)) {
      if (item.visibleWhen !== undefined && !conditionHolds(item.visibleWhen, data)) hidden.add(item.key);
    }
    if (hidden.size === before) return hidden;
  }
}

/** Drops a set of items' answers from every part. */
function dropItems(answers: Required<InspectionAnswers>, keys: ReadonlySet<string>): void {
  const keep = <T>(record: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(record).filter(([key]) => !keys.has(key)));
  answers.values = keep(answers.values);
  answers.notApplicable = answers.notApplicable.filter((key) => !keys.has(key));
  answers.dataChecks = keep(answers.dataChecks);
  answers.sampleAnswers = keep(answers.sampleAnswers);
  answers.evidence = keep(answers.evidence);
  answers.remarks = keep(answers.remarks);
}

/** What submit adds to a draft's checks: hidden answers dropped, then every visible, applicable item answered. */
function completeness(definition: ChecklistDefinition, samples: readonly InspectionSample[], answers: Required<InspectionAnswers>, errors: Record<string, Localized>): void {
  const hidden = hiddenItems(definition, answers);
  dropItems(answers, hidden);
  const data = conditionData(definition, answers);
  const na = new Set(answers.notApplicable);
  for (const { item } of checklistItems(definition)) {
    const key = item.key;
    if (hidden.has(key)) continue;
    if ((item.type === 'yesNoNa' && answers.values[key] === 'na') || (item.naAllowed && na.has(key))) continue;
    if (isDataItem(item)) {
      if (!answers.dataChecks[key] && !errors[`answers.dataChecks.${key}`]) errors[`answers.dataChecks.${key}`] = ANSWER_MESSAGES.dataCheckRequired;
    } else if (isSampleItem(item)) {
      const questions = (item.sample?.questions ?? []).filter((question) => question.type !== 'computed');
      for (const student of sampleOf(samples, key)) {
        const given = answers.sampleAnswers[key]?.[String(student.studentId)] ?? {};
        for (const question of questions) {
          const path = `answers.sampleAnswers.${key}.${student.studentId}.${question.key}`;
          if (isEmpty(given[question.key]) && !errors[path]) errors[path] = ANSWER_MESSAGES.sampleRequired;
        }
      }
    } else if (item.type !== 'computed' && (item.required || conditionHolds(item.requiredWhen, data)) && isEmpty(answers.values[key])) {
      const path = `answers.values.${key}`;
      if (!errors[path]) errors[path] = renderMessage('required', configuredDeclaration(item));
    }
    if (conditionHolds(item.evidenceWhen, data) && !answers.evidence[key]?.length && !errors[`answers.evidence.${key}`]) {
      errors[`answers.evidence.${key}`] = ANSWER_MESSAGES.evidenceRequired;
    }
  }
}
