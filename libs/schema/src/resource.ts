import type { FieldMap } from './field';
import type { MenuPlacement } from './menu';
import type { Localized, Role } from './role';

export type ResourceAction = 'list' | 'create' | 'update' | 'delete';

/**
 * How a record is placed in the region tree. Its `scope_path` ("450900.450921.450921100.")
 * is the parent's path, plus its own segment when the record is itself a tree node.
 * Users see and change only records whose path starts with their own node's path.
 */
export type ScopeDeclaration =
  /** Path = path of the record referenced by `via`, plus the value of `segment` if given. */
  | {
      kind: 'reference';
      via: readonly string[];
      segment?: string;
      /** Public reference data (GB/T 2260 regions): everyone reads all of it; writes stay scoped. */
      publicRead?: boolean;
      /**
       * Users inside the record's region read it too: a city-wide comparison run is the
       * counties' run as well (they follow their schools' verification), but only the city
       * edits or re-runs it. Records read from below come with `writable: false`.
       */
      readFromBelow?: boolean;
    }
  /** Records carry the path of the record they describe (audit rows). */
  | { kind: 'stored' };

export interface IndexDeclaration {
  name: string;
  columns: readonly string[];
  unique?: boolean;
  /** Raw index expression columns, e.g. `scope_path text_pattern_ops` */
  using?: string;
  /** A partial index's predicate (SQL over column names), e.g. `status IN ('pending', 'paid')`. */
  where?: string;
}

export interface ResourceDeclaration {
  name: string;
  table: string;
  label: Localized;
  /** Field shown when the record is referenced elsewhere. */
  recordLabel: string;
  /**
   * Fields that together name the record in the panel (titles, references) when
   * `recordLabel` says nothing to a person (a roster entry's id: its student and program).
   */
  recordTitle?: readonly string[];
  /** 'integer' = identity column, 'code' = a natural text key given on create. */
  idType: 'integer' | 'code';
  fields: FieldMap;
  scope: ScopeDeclaration;
  /** Roles allowed each action (the region scope narrows them further). */
  access: Record<ResourceAction, readonly Role[]>;
  /** Natural key used for duplicates and (later) import upserts. */
  businessKey?: readonly string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  indexes?: readonly IndexDeclaration[];
  /** Table is large: unfiltered counts are estimated, not exact. */
  large?: boolean;
  /**
   * The table is list-partitioned on this reference field, one partition per referenced
   * record (the results of one comparison run), so a job can build a partition as a plain
   * table and attach it with its indexes and foreign keys checked set-based, instead of
   * paying per-row index and foreign-key work on a million inserts. The field joins the
   * primary key, as PostgreSQL requires; `id` stays unique through its sequence.
   */
  partitionBy?: string;
  /**
   * The table would be distributed by county on a multi-server engine (docs/scale-out.md):
   * it carries `county_code`, the county segment of its `scope_path`, kept by the database.
   */
  distributedBy?: 'county';
  /** Menu icon name (a Material icon key the panel knows). */
  icon?: string;
  /** The menu entry of the resource's list (every resource some role may list has one). */
  menu?: MenuPlacement;
  /** Written by create/update/delete and reveals; false only for the audit log itself. */
  audited: boolean;
  /** Has a version column for optimistic locking. */
  versioned: boolean;
  /** Filters over related rows (see RelationFilterDeclaration). */
  relationFilters?: Readonly<Record<string, RelationFilterDeclaration>>;
  /**
   * false: records need checks beyond their own fields when written (a roster entry is checked
   * against its roster), so the generic import is not offered for them.
   */
  importable?: false;
  /** Imports commit all rows or none unless the user chooses otherwise (money data). */
  importAllOrNothing?: boolean;
  /**
   * What a picker shows for a record (every reference input to this resource): these
   * fields in order — sensitive ones masked, references by their record's name — so people
   * with the same name can be told apart. The record label alone when left out.
   */
  optionFields?: readonly string[];
  /**
   * Records with a due date carry `overdue`: the date (China's) has passed and the status is
   * not a finished one. Computed by the database on every read, so it never goes stale;
   * the list filters on it (`filter={"overdue":true}`) and the panel shows it as a column.
   */
  overdue?: OverdueDeclaration;
  /** Cross-field rule on the merged record: the first violation, or null. */
  check?: (record: Readonly<Record<string, unknown>>) => RuleViolation | null;
  /**
   * Generic routes the resource's own feature serves instead (an import's status at
   * `GET /imports/:id`, a file's upload at `POST /files`): the generic REST leaves them out,
   * so no two routes ever match one request.
   */
  ownRoutes?: readonly OwnRoute[];
}

/** A generic route a resource's own feature may serve instead: read one record, create one. */
export type OwnRoute = 'getOne' | 'create' | 'export';

export interface OverdueDeclaration {
  label: Localized;
  help?: Localized;
  /** The date field (type `date`) after which an unfinished record is overdue. */
  dueField: string;
  /** The status field (type `enum`) and its values that count as finished. */
  statusField: string;
  doneStatuses: readonly string[];
}

/** Rows of another resource that point at a record (marks pointing at a student). */
export interface RelationSource {
  resource: string;
  /** Field of `resource` that references the filtered record. */
  via: string;
  /** Field of `resource` compared with the filter's value. */
  match: string;
  /** Only rows whose fields hold these values count. */
  where?: Readonly<Record<string, string | boolean>>;
}

/**
 * A list filter over related rows: `filter={"<key>": <id>}` keeps the records that some
 * source row points at with that `match` value (`true`: with any value). Sources are OR-ed.
 */
export interface RelationFilterDeclaration {
  label: Localized;
  help?: Localized;
  /** The resource the filter's value is an id of (its choices in the panel). */
  reference: string;
  sources: readonly RelationSource[];
}

export interface RuleViolation {
  field: string;
  message: Localized;
}

export function defineResource(declaration: ResourceDeclaration): ResourceDeclaration {
  return declaration;
}
