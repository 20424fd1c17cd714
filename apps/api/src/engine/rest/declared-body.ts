import type { Type } from '@nestjs/common';
import type { ResourceDeclaration } from '@zizhu/schema';
import { validate } from 'class-validator';
import { bodyFieldErrors } from '../errors/body-errors';
import { ApiException } from '../errors/api.exception';
import { prepareInput } from './record-input';

type Row = Record<string, unknown>;

/** A body that is not a JSON object is checked as an empty one (each required field is named). */
function asObject(body: unknown): Row {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Row) : {};
}

/**
 * An action's body checked against its declaration: a class-validator class (only its
 * fields, each refusal a field-level 422), or a form declaration (checked as a record is,
 * plus the `version` read with the record).
 */
export async function declaredBody(declaration: Type<object> | ResourceDeclaration | undefined, body: unknown): Promise<object> {
  if (!declaration) return {};
  if (typeof declaration !== 'function') {
    const raw = asObject(body);
    const values = await prepareInput(declaration, raw, 'create');
    return raw.version === undefined ? values : { ...values, version: raw.version };
  }
  // The body's own top-level keys on a new instance, nested values as sent: class-transformer's
  // deep copy takes a nested object's own `constructor` key (free-form JSON may hold one) for
  // its class and throws. No action body nests classes; the prototype keys are never copied.
  const instance = Object.assign(
    new declaration(),
    Object.fromEntries(Object.entries(asObject(body)).filter(([key]) => key !== '__proto__' && key !== 'constructor')),
  );
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw ApiException.validation(bodyFieldErrors(errors));
  return instance;
}
