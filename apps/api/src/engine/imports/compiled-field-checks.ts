import type { MessageKey } from '@zizhu/schema';
import { getMetadataStorage, ValidationTypes, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { findFieldFaults } from '../rest/input-validator.factory';

export type FaultFinder = (Input: new () => object, values: Record<string, unknown>) => Record<string, MessageKey>;

interface Constraint {
  validator: ValidatorConstraintInterface;
  metadata: ValidationMetadata;
  message: MessageKey;
}

interface PropertyChecks {
  property: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  defined: Constraint[];
  custom: Constraint[];
}

const compiled = new WeakMap<new () => object, PropertyChecks[] | null>();

/**
 * `findFieldFaults` without class-validator's per-call machinery: the same constraints —
 * read from the very class the API validates requests with, so the rules cannot drift —
 * run in the order and with the semantics `validateSync(…, { stopAtFirstError: true })`
 * gives them (conditions, then IsDefined, then the rest; the first failure per field wins;
 * `each` over arrays). About ten times cheaper a row, which matters at a million rows. A
 * class using anything else (nested or async validation, message functions) falls back to
 * class-validator itself.
 */
export const findFieldFaultsFast: FaultFinder = (Input, values) => {
  let checks = compiled.get(Input);
  if (checks === undefined) compiled.set(Input, (checks = compile(Input)));
  if (!checks) return findFieldFaults(Input, values);
  const object = Object.assign(new Input(), values) as Record<string, unknown>;
  const faults: Record<string, MessageKey> = {};
  for (const { property, conditions, defined, custom } of checks) {
    const value = object[property];
    if (!conditions.every((condition) => condition(object, value))) continue;
    const failed = firstFailure(defined, object, property, value) ?? firstFailure(custom, object, property, value);
    if (failed) faults[property] = failed;
  }
  return faults;
};

function firstFailure(constraints: Constraint[], object: object, property: string, value: unknown): MessageKey | undefined {
  for (const { validator, metadata, message } of constraints) {
    if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
    const args: ValidationArguments = { targetName: object.constructor.name, property, object, value, constraints: metadata.constraints };
    const valid =
      metadata.each && (Array.isArray(value) || value instanceof Set || value instanceof Map)
        ? [...(value instanceof Map ? value.values() : value)].every((item) => validator.validate(item, args))
        : validator.validate(value, args);
    if (!valid) return message;
  }
  return undefined;
}

function compile(Input: new () => object): PropertyChecks[] | null {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(Input, '', false, false);
  const byProperty = new Map<string, PropertyChecks>();
  for (const metadata of metadatas) {
    let checks = byProperty.get(metadata.propertyName);
    if (!checks) byProperty.set(metadata.propertyName, (checks = { property: metadata.propertyName, conditions: [], defined: [], custom: [] }));
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      checks.conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
      continue;
    }
    if (metadata.type !== ValidationTypes.IS_DEFINED && metadata.type !== ValidationTypes.CUSTOM_VALIDATION) return null;
    // Our messages are message keys (plain strings); anything else needs class-validator's rendering.
    if (typeof metadata.message !== 'string' || metadata.message.includes('$')) return null;
    for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
      if (constraint.async) return null;
      const entry = { validator: constraint.instance, metadata, message: metadata.message as MessageKey };
      (metadata.type === ValidationTypes.IS_DEFINED ? checks.defined : checks.custom).push(entry);
    }
  }
  return [...byProperty.values()];
}
