import { SetMetadata, type Type } from '@nestjs/common';
import type { ResourceDeclaration, Role, SessionUser } from '@zizhu/schema';
import type { EntityManager } from 'typeorm';
import type { ApiRecord } from './record-presenter';

type Row = Record<string, unknown>;

/** A create or an update on its way to the table, as a behaviour's hooks see it. */
export interface RecordWrite {
  action: 'create' | 'update';
  /** The body as sent: for rules on fields the declaration keeps read-only. */
  body: Row;
  /** The accepted input, checked against the declaration (on update: the changed fields). */
  values: Row;
  /** The stored row, locked (update); null on create. */
  existing: Row | null;
  manager: EntityManager;
  user: SessionUser;
}

/** A write done, in its transaction: the row before (null on create) and after (null on delete). */
export interface RecordChange {
  action: 'create' | 'update' | 'delete';
  before: Row | null;
  after: Row | null;
  manager: EntityManager;
  user: SessionUser;
}

/**
 * What one resource adds to the generic REST, called by the generic writer, reader and
 * routes in this order: `prepareBody` (create) → the declaration's checks → `validate` →
 * `serverValues` → INSERT/UPDATE → `afterWrite` (same transaction) → commit →
 * `afterCommit`; `beforeDelete` → DELETE → `afterWrite`; `view` on every read. Each hook
 * refuses with an ApiException (`ApiException.validation` for a field-level 422).
 * Actions are methods marked `@Action` (a behaviour with actions alone need not declare
 * this interface). One behaviour per resource, a Nest provider marked `@Behaviour(resource)`:
 * the engine finds it (see ResourceBehaviours).
 */
export interface ResourceBehaviour {
  /**
   * A new record's body before the declaration checks it: defaults filled in (the user's
   * own region), or a refusal that deserves its own message (cash, which is no method).
   */
  prepareBody?(body: Row, user: SessionUser): Row;
  /** Checks the declaration cannot state (a school inside the region, a deadline not past). */
  validate?(write: RecordWrite): Promise<void>;
  /** Values the server sets in the same statement (copied from a parent, who decided, when). */
  serverValues?(write: RecordWrite): Promise<Row>;
  /** Runs on the locked row before DELETE: may refuse, or remove what the module keeps for it. */
  beforeDelete?(existing: Row, manager: EntityManager, user: SessionUser): Promise<void>;
  /** Follow-up writes in the same transaction (a parent's totals, the lines of a new batch). */
  afterWrite?(change: RecordChange): Promise<void>;
  /** Work that must not hold the write's locks (it takes locks a background job takes first). */
  afterCommit?(record: ApiRecord, user: SessionUser): Promise<void>;
  /** Figures that depend on who reads, set in place on each page or batch read; never which records. */
  view?(manager: EntityManager, records: ApiRecord[], user: SessionUser): Promise<void>;
}

export const BEHAVIOUR_RESOURCE = 'zizhu:behaviour-resource';
export const BEHAVIOUR_ACTIONS = 'zizhu:behaviour-actions';

/** Marks a provider as the behaviour of a resource (one per resource). */
export const Behaviour = (resource: ResourceDeclaration) => SetMetadata(BEHAVIOUR_RESOURCE, resource);

/** An extra action on one record: `POST /:resource/:id/<name>`. */
export interface ActionDeclaration {
  name: string;
  /** Who may call it (403 for others, before the body is read). */
  allow: readonly Role[];
  /**
   * The body: a class-validator class (unknown fields refused), or a form declaration
   * checked as a record is (the method then gets the accepted values plus `version`, the
   * version read with the record, if sent). None: the body is ignored.
   */
  body?: Type<object> | ResourceDeclaration;
  /** 200 unless the action creates a record (201). */
  status?: 200 | 201;
  /** One line for OpenAPI. */
  summary: string;
}

export interface DeclaredAction extends ActionDeclaration {
  /** The behaviour's method: `(id, body, user) => Promise<answer>`. */
  method: string;
}

/** Declares a behaviour's method as an action; the method takes `(id: string, body, user: SessionUser)`. */
export function Action(declaration: ActionDeclaration): MethodDecorator {
  return (target, key) => {
    const actions: DeclaredAction[] = Reflect.getMetadata(BEHAVIOUR_ACTIONS, target.constructor) ?? [];
    Reflect.defineMetadata(BEHAVIOUR_ACTIONS, [...actions, { ...declaration, method: String(key) }], target.constructor);
  };
}

export function behaviourResource(type: Type<object>): ResourceDeclaration {
  const resource = Reflect.getMetadata(BEHAVIOUR_RESOURCE, type) as ResourceDeclaration | undefined;
  if (!resource) throw new Error(`${type.name} is not marked @Behaviour(resource)`);
  return resource;
}

export function behaviourActions(type: Type<object>): readonly DeclaredAction[] {
  return Reflect.getMetadata(BEHAVIOUR_ACTIONS, type) ?? [];
}
