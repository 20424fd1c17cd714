import type { CodeOfDeclaration, EnumOption, FieldDisplayHint, FieldType, FilterKind, MaskKind, RuleSubject } from './field';
import type { MenuPlacement, PageSchema } from './menu';
import type { ResourceAction } from './resource';
import type { Localized, Role } from './role';

/** One field as `GET /api/schema` describes it to the panel, for the calling user. */
export interface FieldSchema {
  key: string;
  type: FieldType;
  label: Localized;
  help?: Localized;
  required: boolean;
  /** The caller cannot set it (server-derived, or not writable by the caller's role). */
  readOnly: boolean;
  immutable: boolean;
  maxLength?: number;
  minLength?: number;
  min?: number;
  max?: number;
  decimals?: number;
  pattern?: { regex: string; message: Localized };
  options?: readonly EnumOption[];
  reference?: string;
  /** Fields of the referenced record shown after its label in pickers and displays. */
  optionLabel?: readonly string[];
  /** Present on sensitive fields: whether the caller receives masked values, and may reveal. */
  sensitive?: { mask: MaskKind; masked: boolean; canReveal: boolean };
  list: boolean;
  filter?: FilterKind;
  sort: boolean;
  search: boolean;
  writeOnly: boolean;
  /** Not a field of the record: only a list filter (e.g. students by special identity). */
  filterOnly?: boolean;
  display?: FieldDisplayHint;
  grouping?: boolean;
  codeOf?: CodeOfDeclaration;
  links?: string;
  /** What a create form starts with. */
  defaultValue?: string | number | boolean | readonly Record<string, unknown>[];
  /** For json fields with a declared structure: what the panel's editor edits. */
  shape?: FieldSchemaShape;
}

/** JsonShape as the panel receives it: list item fields described like any field. */
export type FieldSchemaShape =
  | { kind: 'list'; itemFields: FieldSchema[]; minItems?: number; maxItems?: number }
  | { kind: 'rule'; subject: RuleSubject }
  | { kind: 'values'; via: string; field: string };

export interface ResourceSchema {
  name: string;
  label: Localized;
  recordLabel: string;
  /** What a picker option shows (see ResourceDeclaration.optionFields): readable fields only. */
  optionFields?: string[];
  /** Fields that together name a record where `recordLabel` says nothing (a roster entry: its student and program). */
  recordTitle?: readonly string[];
  icon?: string;
  menu?: MenuPlacement;
  idType: 'integer' | 'code';
  fields: FieldSchema[];
  can: Record<ResourceAction, boolean>;
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  versioned: boolean;
  /** Its changes are audited: the record page shows its history (GET /api/record-history/:resource/:id). */
  audited: boolean;
  /** The generic import is offered (a business key, and no checks beyond the record's own fields). */
  importable: boolean;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopePath: string;
  scopeLabel: string;
}

export interface SchemaPayload {
  user: SessionUser;
  resources: ResourceSchema[];
  /** Pages of their own the user may open (资金对账, 对账异常), with their menu entries. */
  pages: PageSchema[];
}

export interface LoginResponse {
  token: string;
  user: SessionUser;
}

/** The one error shape of the API. `errors` is keyed by field, so the panel shows it in place. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
}
