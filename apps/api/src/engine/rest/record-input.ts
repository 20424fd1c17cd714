import { idNumberFacts, isMasked, type Localized, maskValue, normalizeValue, renderMessage, type ResourceDeclaration } from '@zizhu/schema';
import { hashPassword } from '../auth/password';
import { ApiException } from '../errors/api.exception';
import { buildInputClass, findFieldFaults, type InputMode, isWritable } from './input-validator.factory';
import { checkJsonShape } from './json-shape.validator';
import { type ValueProblem, valueProblem } from './value-checks';

type Values = Record<string, unknown>;

const inputClasses = new Map<string, new () => object>();

function inputClass(resource: ResourceDeclaration, mode: InputMode): new () => object {
  const cacheKey = `${resource.name}:${mode}`;
  let Input = inputClasses.get(cacheKey);
  if (!Input) inputClasses.set(cacheKey, (Input = buildInputClass(resource, mode)));
  return Input;
}

/**
 * Turns a request body into the values to store: keeps writable declared fields only,
 * normalises, validates (class-validator), derives fields, checks cross-field rules, and
 * hashes passwords. `existing` is the stored record (plain values) on update.
 */
export async function prepareInput(
  resource: ResourceDeclaration,
  body: Values,
  mode: InputMode,
  existing?: Values,
): Promise<Values> {
  const values = prepareValues(resource, body, mode, existing);
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.type === 'password' && typeof values[key] === 'string') values[key] = await hashPassword(values[key] as string);
  }
  return values;
}

/**
 * Everything `prepareInput` does but hashing, synchronously (imports run it per row, with
 * a precompiled `findFaults` running the very same constraints).
 */
export function prepareValues(
  resource: ResourceDeclaration,
  body: Values,
  mode: InputMode,
  existing?: Values,
  findFaults: typeof findFieldFaults = findFieldFaults,
): Values {
  const values: Values = {};
  // U+0000 (a pasted or crafted value, never a typed one) or absurd nesting: refused on the
  // field before anything (a comparison, a JSON.stringify) walks the value.
  const problems: Record<string, ValueProblem> = {};
  for (const [key, field] of Object.entries(resource.fields)) {
    if (!isWritable(field, mode) || !(key in body)) continue;
    const problem = valueProblem(body[key]);
    if (problem) {
      problems[key] = problem;
      continue;
    }
    const value = normalizeValue(field, body[key]);
    // A masked value sent back unchanged means "keep what is stored".
    if (field.sensitive && isMasked(value) && existing) {
      const stored = existing[key];
      if (typeof stored === 'string' && maskValue(field.sensitive.mask, stored) === value) continue;
    }
    if (field.type === 'password' && value == null && mode === 'update') continue;
    if (mode === 'update' && existing && sameValue(existing[key], value)) continue;
    values[key] = value;
  }
  if (mode === 'create') {
    for (const [key, field] of Object.entries(resource.fields)) {
      if (values[key] === undefined && field.defaultValue !== undefined) values[key] = field.defaultValue;
    }
  }

  const faults = findFaults(inputClass(resource, mode), values);
  const errors: Record<string, Localized> = {};
  for (const [key, messageKey] of Object.entries(faults)) errors[key] = renderMessage(messageKey, resource.fields[key]);
  for (const [key, problem] of Object.entries(problems)) errors[key] = renderMessage(problem, resource.fields[key]);
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.type !== 'json' || !field.shape || values[key] == null || errors[key]) continue;
    const checked = checkJsonShape(resource.name, key, field, values[key]);
    values[key] = checked.value;
    Object.assign(errors, checked.errors);
  }
  if (Object.keys(errors).length) throw ApiException.validation(errors);

  deriveFields(resource, values);
  const violation = mode === 'patch' ? null : resource.check?.({ ...existing, ...values });
  if (violation) throw ApiException.validation({ [violation.field]: violation.message });
  return values;
}

/** Birth date and gender come from the ID number, never typed twice. */
function deriveFields(resource: ResourceDeclaration, values: Values): void {
  for (const [key, field] of Object.entries(resource.fields)) {
    if (field.type !== 'idNumber' || !field.derives || typeof values[key] !== 'string') continue;
    const facts = idNumberFacts(values[key] as string);
    if (field.derives.birthDate) values[field.derives.birthDate] = facts.birthDate;
    if (field.derives.gender) values[field.derives.gender] = facts.gender;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
