import type { ImportColumn, Localized, ResourceDeclaration, SessionUser } from '@zizhu/schema';
import { ApiException } from '../errors/api.exception';
import { prepareValues } from '../rest/record-input';
import { referencedListErrors } from '../rest/referenced-lists';
import type { InputMode } from '../rest/input-validator.factory';
import { convertCell } from './cell-conversion';
import { findFieldFaultsFast } from './compiled-field-checks';
import { stagedBusinessKey } from './import-matching';
import { IMPORT_MESSAGES } from './import-messages';
import type { ReferenceLookup } from './reference-lookup';
import type { Cell } from './sheet-reader';

export interface RowError {
  column: string;
  message: Localized;
}

export interface ValidatedRow {
  /** Values as the API stores them, keyed by field; null when the row is invalid. */
  data: Record<string, unknown> | null;
  businessKey: string | null;
  scopePath: string | null;
  errors: RowError[];
}

/**
 * Validates file rows with the same rules as the API (one declaration drives both): cells
 * are converted, then handed to `prepareInput`, so a row is valid exactly when the same
 * values sent to `POST /api/<resource>` would be.
 */
export class RowValidator {
  private readonly mode: InputMode;
  private readonly headerOf = new Map<string, string>();
  private readonly derivedChecks: string[];

  constructor(
    private readonly resource: ResourceDeclaration,
    private readonly columns: ImportColumn[],
    private readonly lookups: Map<string, ReferenceLookup>,
    private readonly user: SessionUser,
  ) {
    const mapped = new Set(columns.map((c) => c.field).filter((f): f is string => !!f));
    for (const column of columns) if (column.field) this.headerOf.set(column.field, column.header);
    const required = Object.entries(resource.fields).filter(([, f]) => f.required && !f.readOnly).map(([k]) => k);
    this.mode = required.every((key) => mapped.has(key)) ? 'create' : 'patch';
    this.derivedChecks = [...mapped].filter((key) => resource.fields[key].readOnly);
  }

  /** Whether the file carries every column a new record needs. */
  get canCreate(): boolean {
    return this.mode === 'create';
  }

  validate(cells: Cell[]): ValidatedRow {
    const errors: RowError[] = [];
    const body: Record<string, unknown> = {};
    for (const column of this.columns) {
      if (!column.field) continue;
      const field = this.resource.fields[column.field];
      const converted = convertCell(field, cells[column.index - 1] ?? null, this.lookups.get(column.field));
      if ('error' in converted) errors.push({ column: column.header, message: converted.error });
      else body[column.field] = converted.value;
    }
    const failed = new Set(errors.map((e) => e.column));
    let data: Record<string, unknown> | null = null;
    try {
      data = prepareValues(this.resource, body, this.mode, undefined, findFieldFaultsFast);
    } catch (error) {
      if (!(error instanceof ApiException) || !error.fieldErrors) throw error;
      for (const [key, message] of Object.entries(error.fieldErrors)) {
        const column = this.headerOf.get(key) ?? this.resource.fields[key]?.label.zh ?? key;
        if (!failed.has(column)) errors.push({ column, message });
      }
    }
    if (data) {
      // The same check as API writes (a stage the school teaches), lists from the lookups.
      const outside = referencedListErrors(this.resource, data, (rule, id) => this.lookups.get(rule.via)?.listOf(rule.list, id));
      for (const [key, message] of Object.entries(outside)) errors.push({ column: this.headerOf.get(key) ?? key, message });
      // Read-only columns in the file (gender, birth date) must agree with what was derived.
      for (const key of this.derivedChecks) {
        if (body[key] != null && data[key] !== undefined && body[key] !== data[key]) {
          errors.push({ column: this.headerOf.get(key) ?? key, message: IMPORT_MESSAGES.derivedMismatch(this.resource.fields[key].label) });
        }
      }
    }
    if (errors.length || !data) return { data: null, businessKey: null, scopePath: null, errors };
    const scopePath = this.scopePath(data);
    if (scopePath === undefined) {
      return { data: null, businessKey: null, scopePath: null, errors: [{ column: '', message: IMPORT_MESSAGES.outOfScope }] };
    }
    return { data, businessKey: stagedBusinessKey(this.resource, data), scopePath, errors };
  }

  /** The row's place in the tree, when the file says where it belongs (null: unchanged). */
  private scopePath(data: Record<string, unknown>): string | null | undefined {
    const scope = this.resource.scope;
    if (scope.kind !== 'reference') return null;
    const via = scope.via.find((key) => data[key] != null);
    const placed = via !== undefined || scope.via.every((key) => key in data);
    if (!placed) return null;
    let path = via ? this.lookups.get(via)?.pathOf(data[via]) : '';
    if (path === undefined) return undefined;
    if (scope.segment) path += `${String(data[scope.segment])}.`;
    return path.startsWith(this.user.scopePath) ? path : undefined;
  }
}
