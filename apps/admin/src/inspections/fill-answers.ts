import {
  checklistItems,
  conditionData,
  conditionHolds,
  type ChecklistDefinition,
  type ChecklistItem,
  type ConfiguredValue,
  type DataItemCheck,
  type InspectionAnswers,
  type InspectionSample,
} from '@zizhu/schema';

/**
 * The fill page's form values and the answers the API takes, both ways. The form keeps the
 * answers under `answers` so that the API's error keys (`answers.values.<itemKey>`) name
 * its inputs as they are; two things differ, because a form path cannot hold them: N/A is a
 * flag per item (`answers.na.<itemKey>`), and a sampled student's answers sit under
 * `s<studentId>` (a bare number in a path would make the form build an array that long).
 */
export interface FillAnswers {
  values: Record<string, unknown>;
  na: Record<string, boolean | undefined>;
  dataChecks: Record<string, { confirmed?: unknown; observed?: unknown; note?: unknown } | undefined>;
  sampleAnswers: Record<string, Record<string, Record<string, unknown> | undefined> | undefined>;
  evidence: Record<string, readonly unknown[] | undefined>;
  remarks: Record<string, unknown>;
}

export interface FillFormValues {
  answers: FillAnswers;
}

export const ANSWERS_PATH = 'answers';

export const studentKey = (studentId: number | string): string => `s${studentId}`;

/** Form paths of one item's parts. */
export const itemPaths = (itemKey: string) => ({
  value: `${ANSWERS_PATH}.values.${itemKey}`,
  na: `${ANSWERS_PATH}.na.${itemKey}`,
  dataCheck: `${ANSWERS_PATH}.dataChecks.${itemKey}`,
  evidence: `${ANSWERS_PATH}.evidence.${itemKey}`,
  remark: `${ANSWERS_PATH}.remarks.${itemKey}`,
  sampleAnswer: (studentId: number, questionKey: string) => `${ANSWERS_PATH}.sampleAnswers.${itemKey}.${studentKey(studentId)}.${questionKey}`,
});

/** A value the user has given (an empty input, an empty choice list: none). */
export function isGiven(value: unknown): value is ConfiguredValue {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => typeof v === 'string');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function givenEntries(values: Record<string, unknown> | undefined): [string, ConfiguredValue][] {
  return Object.entries(values ?? {}).filter((entry): entry is [string, ConfiguredValue] => isGiven(entry[1]));
}

/** The stored answers as the form starts with them. */
export function toFormValues(answers: InspectionAnswers | null | undefined): FillFormValues {
  const sampleAnswers: FillAnswers['sampleAnswers'] = {};
  for (const [itemKey, students] of Object.entries(answers?.sampleAnswers ?? {})) {
    sampleAnswers[itemKey] = Object.fromEntries(Object.entries(students).map(([studentId, questions]) => [studentKey(studentId), { ...questions }]));
  }
  return {
    answers: {
      values: { ...(answers?.values ?? {}) },
      na: Object.fromEntries((answers?.notApplicable ?? []).map((key) => [key, true])),
      dataChecks: Object.fromEntries(Object.entries(answers?.dataChecks ?? {}).map(([key, check]) => [key, { ...check }])),
      sampleAnswers,
      evidence: Object.fromEntries(Object.entries(answers?.evidence ?? {}).map(([key, ids]) => [key, [...ids]])),
      remarks: { ...(answers?.remarks ?? {}) },
    },
  };
}

/** What the API is sent: only what was given (cleared inputs, empty lists and blank remarks left out). */
export function toAnswers(form: FillFormValues | undefined): InspectionAnswers {
  const answers = form?.answers;
  const result: {
    values: Record<string, ConfiguredValue>;
    notApplicable?: string[];
    dataChecks?: Record<string, DataItemCheck>;
    sampleAnswers?: Record<string, Record<string, Record<string, ConfiguredValue>>>;
    evidence?: Record<string, number[]>;
    remarks?: Record<string, string>;
  } = { values: Object.fromEntries(givenEntries(answers?.values)) };
  const notApplicable = Object.entries(answers?.na ?? {}).filter(([, flag]) => flag === true).map(([key]) => key);
  if (notApplicable.length) result.notApplicable = notApplicable;
  const dataChecks = Object.entries(answers?.dataChecks ?? {}).flatMap(([key, check]): [string, DataItemCheck][] => {
    if (typeof check?.confirmed !== 'boolean') return [];
    const note = typeof check.note === 'string' ? check.note.trim() : '';
    const observed = !check.confirmed && typeof check.observed === 'number' ? { observed: check.observed } : {};
    return [[key, { confirmed: check.confirmed, ...observed, ...(note ? { note } : {}) }]];
  });
  if (dataChecks.length) result.dataChecks = Object.fromEntries(dataChecks);
  const samples = Object.entries(answers?.sampleAnswers ?? {}).flatMap(([itemKey, students]) => {
    const answered = Object.entries(students ?? {}).flatMap(([key, questions]) => {
      const given = givenEntries(questions);
      return given.length && key.startsWith('s') ? [[key.slice(1), Object.fromEntries(given)] as const] : [];
    });
    return answered.length ? [[itemKey, Object.fromEntries(answered)] as const] : [];
  });
  if (samples.length) result.sampleAnswers = Object.fromEntries(samples);
  const evidence = Object.entries(answers?.evidence ?? {}).flatMap(([key, ids]) => {
    const files = (ids ?? []).filter((id): id is number => typeof id === 'number');
    return files.length ? [[key, files] as const] : [];
  });
  if (evidence.length) result.evidence = Object.fromEntries(evidence);
  const remarks = Object.entries(answers?.remarks ?? {}).flatMap(([key, text]) => (typeof text === 'string' && text.trim() ? [[key, text.trim()] as const] : []));
  if (remarks.length) result.remarks = Object.fromEntries(remarks);
  return result;
}

/** Where the API's error key lands in the form (a sampled student's id becomes its `s<id>` key). */
export function formPathOf(errorKey: string): string {
  return errorKey.replace(/^answers\.sampleAnswers\.([^.]+)\.(\d+)(?=\.|$)/, (_match, item: string, student: string) => `${ANSWERS_PATH}.sampleAnswers.${item}.${studentKey(student)}`);
}

/** The item an error key (or form path) is about, or null for an error about the answers as a whole. */
export function itemKeyOf(path: string): string | null {
  const match = /^answers\.(values|na|dataChecks|sampleAnswers|evidence|remarks)\.([^.]+)/.exec(path);
  return match ? match[2] : null;
}

/** How an item stands with the answers so far: shown, required (also by `requiredWhen`), evidence required, N/A. */
export interface ItemState {
  visible: boolean;
  required: boolean;
  evidenceRequired: boolean;
  notApplicable: boolean;
}

/**
 * Items hidden by their `visibleWhen`, settled as the API settles them on submit: a hidden
 * item's answer no longer counts, which may hide the items that depend on it, and so on.
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

/** The answers that count: hidden items' answers left out of every part (what the API scores on submit). */
export function shownAnswers(answers: InspectionAnswers, hidden: ReadonlySet<string>): InspectionAnswers {
  if (!hidden.size) return answers;
  const keep = <T>(record: Readonly<Record<string, T>> | undefined) => record && Object.fromEntries(Object.entries(record).filter(([key]) => !hidden.has(key)));
  return {
    values: keep(answers.values) ?? {},
    ...(answers.notApplicable ? { notApplicable: answers.notApplicable.filter((key) => !hidden.has(key)) } : {}),
    ...(answers.dataChecks ? { dataChecks: keep(answers.dataChecks) } : {}),
    ...(answers.sampleAnswers ? { sampleAnswers: keep(answers.sampleAnswers) } : {}),
    ...(answers.evidence ? { evidence: keep(answers.evidence) } : {}),
    ...(answers.remarks ? { remarks: keep(answers.remarks) } : {}),
  };
}

/** Each item's state over the answers that count (see shownAnswers), by the conditions the scoring evaluates. */
export function itemStates(definition: ChecklistDefinition, answers: InspectionAnswers, hidden: ReadonlySet<string> = hiddenItems(definition, answers)): Map<string, ItemState> {
  const shown = shownAnswers(answers, hidden);
  const data = conditionData(definition, shown);
  const notApplicable = new Set(shown.notApplicable ?? []);
  return new Map(
    checklistItems(definition).map(({ item }) => [
      item.key,
      {
        visible: !hidden.has(item.key),
        required: item.required === true || conditionHolds(item.requiredWhen, data),
        evidenceRequired: conditionHolds(item.evidenceWhen, data),
        notApplicable: (item.naAllowed === true && notApplicable.has(item.key)) || (item.type === 'yesNoNa' && shown.values[item.key] === 'na'),
      },
    ]),
  );
}

/** Whether an item has its answer: a value, a data item's check, every sampled student's every question, or N/A. */
export function itemAnswered(item: ChecklistItem, answers: InspectionAnswers, samples: readonly InspectionSample[], state: ItemState | undefined): boolean {
  if (state?.notApplicable) return true;
  if (item.dataItem) return typeof answers.dataChecks?.[item.key]?.confirmed === 'boolean';
  if (item.sample) {
    const students = samples.find((sample) => sample.itemKey === item.key)?.students ?? [];
    const given = answers.sampleAnswers?.[item.key] ?? {};
    return students.every((student) => item.sample!.questions.every((question) => isGiven(given[String(student.studentId)]?.[question.key])));
  }
  return isGiven(answers.values[item.key]);
}

/** Items the filler answers (a computed value is the server's). */
const answerable = (item: ChecklistItem): boolean => item.type !== 'computed';

export interface SectionProgress {
  key: string;
  answered: number;
  total: number;
}

/** Answered of shown items, per section. */
export function sectionProgress(
  definition: ChecklistDefinition,
  answers: InspectionAnswers,
  samples: readonly InspectionSample[],
  states: Map<string, ItemState>,
): SectionProgress[] {
  return definition.sections.map((section) => {
    const shown = section.items.filter((item) => answerable(item) && states.get(item.key)?.visible !== false);
    return { key: section.key, answered: shown.filter((item) => itemAnswered(item, answers, samples, states.get(item.key))).length, total: shown.length };
  });
}

/** The first section (in the checklist's order) holding an item named by one of the error keys; -1 when none does. */
export function firstErrorSection(definition: ChecklistDefinition, errorKeys: readonly string[]): number {
  const items = new Set(errorKeys.map(itemKeyOf).filter((key): key is string => key !== null));
  return definition.sections.findIndex((section) => section.items.some((item) => items.has(item.key)));
}
