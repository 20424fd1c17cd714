import type { Localized, Role } from './role';

/**
 * The type of a field: declared fields and configured fields (see configured-fields.ts)
 * alike. What each type means — column, normalisation, checks, import and export cells,
 * OpenAPI, filters, mask — is one entry of FIELD_TYPES (field-types/field-type-registry.ts);
 * its panel widgets are one entry of the panel's FIELD_WIDGETS. Both are exhaustive
 * records, so adding a type makes the compiler ask for both entries.
 */
export type FieldType =
  | 'string'
  | 'text'
  | 'integer'
  /** A number that may have decimals (`decimals` caps them): double precision. */
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'enumList'
  | 'reference'
  | 'idNumber'
  | 'phone'
  | 'account'
  | 'json'
  | 'password'
  /** Money: integer fen in the database and the API (bigint), yuan with 2 decimals in Excel and the panel. */
  | 'money';

export interface EnumOption {
  value: string;
  label: Localized;
}

/** How a sensitive value is masked for roles that may not see it in plain. */
export type MaskKind = 'idNumber' | 'phone' | 'account';

export interface SensitiveDeclaration {
  mask: MaskKind;
  /** Roles that receive the plain value in every response. */
  plainFor: readonly Role[];
  /** Roles that may ask for the plain value of one record (an audited reveal). */
  revealFor: readonly Role[];
}

/**
 * How a value is shown when its storage type says too little (the UI "interface" kept
 * apart from the storage type): `resourceName` — a string holding a resource's name
 * (`students`), shown as that resource's label (学生); `localizedText` — a json
 * `{ zh, en }`, shown in the reader's language; `ownView` — server state a view of its
 * own presents (a run's progress bar, its summary page), left out of the record's
 * generated screens and of exports; `referenceIds` — a string of ids of `reference` records
 * separated by commas (`"3,5"`), picked in a multi-select and shown as those records'
 * labels (with `optionLabel`); `fundExceptionKey` — a reconciliation exception's key
 * (`overAllocation:2:2026:spring:450903:central`), shown as what it says (超下达发放 · the
 * program, term, county and source). The panel's displays and filters and the export
 * columns understand them.
 */
export type FieldDisplayHint = 'resourceName' | 'localizedText' | 'ownView' | 'referenceIds' | 'fundExceptionKey';

/** Which filter operators a field offers in lists (simple-rest `filter` keys). */
export type FilterKind = 'exact' | 'range' | 'prefix';

export interface FieldDeclaration {
  type: FieldType;
  label: Localized;
  /** Short hint under the input; the UI must teach itself to part-time officers. */
  help?: Localized;
  required?: boolean;
  /** Set by the server (derived or system-managed); never accepted from a request. */
  readOnly?: boolean;
  /** Accepted on create only. */
  immutable?: boolean;
  /** Not sent in responses at all (e.g. password hashes). */
  writeOnly?: boolean;
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  /** Number fields: decimal places allowed (0: whole numbers). */
  decimals?: number;
  pattern?: { regex: string; message: Localized };
  options?: readonly EnumOption[];
  /** Target resource name; the column holds the target's id (or, with `referenceIds`, several). */
  reference?: string;
  /**
   * Fields of the referenced record that pickers and displays add to its label, so that
   * records with similar names can be told apart (a list: its department, batch date, size).
   */
  optionLabel?: readonly string[];
  sensitive?: SensitiveDeclaration;
  /** Shown as a column in the list view. */
  list?: boolean;
  filter?: FilterKind;
  sort?: boolean;
  /** Part of the `q` full-text search (prefix match, or exact for ID-like fields). */
  search?: 'prefix' | 'exact';
  /** Alternative column headers accepted by imports (身份证号 / 证件号码 / 公民身份号码). */
  aliases?: readonly string[];
  /** Database column name; defaults to the snake_case of the field key. */
  column?: string;
  /** For idNumber fields: sibling fields filled from (or checked against) the number. */
  derives?: { birthDate?: string; gender?: string };
  /** For json fields: the structure the value must have (validated by the API, edited by the panel). */
  shape?: JsonShape;
  /** Value a new record gets when the request leaves the field out. */
  defaultValue?: string | number | boolean | readonly Record<string, unknown>[];
  /** Display hint (string fields: `resourceName`, `fundExceptionKey`; json fields: `localizedText`). */
  display?: FieldDisplayHint;
  /** For reference fields: what the referenced record must agree with in this one (see ReferenceAgreement). */
  agreesWith?: ReferenceAgreement;
  /** For enum fields: the value must be one the referenced record lists (see WithinReferenced). */
  withinReferenced?: WithinReferenced;
  /** Integer fields: thousands separators (default: when the value can reach 10,000); false for years. */
  grouping?: boolean;
  /** A code naming an item of a list on the referenced record (a tier of the roster): shown as the item's label. */
  codeOf?: CodeOfDeclaration;
  /** Integer fields: the id of a record of this resource, kept without a foreign key (it may be gone); shown as that record, linked. */
  links?: string;
  /**
   * Reference fields: `false` keeps the id without a foreign key — a snapshot (a comparison
   * result's school as it was at the run) that may outlive, or no longer agree with, its record.
   */
  foreignKey?: false;
}

/**
 * References that imply each other must agree, in one of two ways; the generic writer
 * checks it whenever either side is written (422 on this field). The generic import does not
 * check agreements: the resources declaring them today are written through their forms only.
 * - `field` / `equals`: the referenced record's `field` equals this record's `equals` — one
 *   of its own fields (`schoolId`) or a field of a record it references (`rosterId.schoolId`).
 *   A clue's student must be at the clue's school:
 *   `studentId: { …, agreesWith: { field: 'schoolId', equals: 'schoolId', message } }`.
 * - `covers`: the referenced record's region covers (is, or lies above) the record this
 *   record's `covers` reference names — a clue's program must be the city's or the school's
 *   county's, not another county's: `programId: { …, agreesWith: { covers: 'schoolId', message } }`.
 */
export type ReferenceAgreement = { field: string; equals: string; message: Localized } | { covers: string; message: Localized };

/**
 * An enum value limited by a list on a referenced record: a student's stage must be one of
 * its school's stages. The API checks it on every write, imports on every row, and a write
 * to the referenced record may not drop a value its records still use.
 */
export interface WithinReferenced {
  /** This resource's reference field (`schoolId`). */
  via: string;
  /** The referenced resource's enumList field (`stages`). */
  list: string;
  /** `{value}`: the refused value's label; `{allowed}`: the list's labels. */
  message: Localized;
  /** On the referenced record's list field: `{value}` dropped while `{count}` records use it. */
  inUseMessage: Localized;
}

/**
 * A code that names an item of a list held by another record (a roster entry's tier, one of
 * its roster's tiers): `via` is the reference field, `list` the json list field of the
 * referenced record, `key` and `label` the item's code and name fields.
 */
export interface CodeOfDeclaration {
  via: string;
  list: string;
  key: string;
  label: string;
}

export type FieldMap = Record<string, FieldDeclaration>;

export function columnName(key: string, field: FieldDeclaration): string {
  return field.column ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * What a json field holds, so that the API can validate it and the panel can offer a real
 * editor instead of raw JSON.
 * - list: an array of objects, each with the declared item fields (tiers, approval steps);
 * - rule: a condition tree over a subject's fields (see rule.ts);
 * - values: answers to fields an administrator configured on another record (an
 *   application form's extra fields): `via` names this resource's reference field, `field`
 *   the list of ConfiguredField definitions on the referenced record. The generic writer
 *   checks the answers against them (configured-answers.ts); `optionalWhen`: no answer is
 *   required of a record whose field holds that value (an entry enrolled automatically).
 */
export type JsonShape =
  | { kind: 'list'; itemFields: FieldMap; minItems?: number; maxItems?: number; uniqueBy?: string }
  | { kind: 'rule'; subject: RuleSubject }
  | { kind: 'values'; via: string; field: string; optionalWhen?: { field: string; equals: string } };

/** A field a rule may test. `marks` tests a student's special identities (by type id). */
export interface RuleSubjectField {
  key: string;
  label: Localized;
  kind: 'enum' | 'boolean' | 'marks';
  options?: readonly EnumOption[];
  /** For `marks`: the resource whose ids the value lists. */
  reference?: string;
}

export interface RuleSubject {
  resource: string;
  fields: readonly RuleSubjectField[];
}
