import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { columnName, renderMessage, type ResourceDeclaration, type SessionUser } from '@zizhu/schema';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ApiException } from '../errors/api.exception';
import { databaseError } from '../errors/database-error';
import { attachFiles } from '../files/file-attach';
import { checkAgreements } from '../scope/reference-agreement';
import { checkReferences, inReadScope, inScope, isTreeNode, moveSubtree, readsFromBelow, resolveScopePath, scopeFields } from '../scope/scope';
import { checkConfiguredValues } from './configured-answers';
import { type ApiRecord, auditSnapshot, presentRecord, selectList } from './record-presenter';
import { prepareInput } from './record-input';
import { checkListsStillCover, checkReferencedLists } from './referenced-lists';
import type { RecordChange, RecordWrite } from './resource-behaviour';
import { ResourceBehaviours } from './resource-behaviours.service';
import { parseId, ResourceReader } from './resource-reader.service';
import { isInt4 } from './value-checks';

type Row = Record<string, unknown>;

/**
 * Creates, updates and deletes records of any declared resource, each change audited, the
 * resource's behaviour (see resource-behaviour.ts) called at its named points.
 */
@Injectable()
export class ResourceWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reader: ResourceReader,
    private readonly audit: AuditService,
    private readonly behaviours: ResourceBehaviours,
  ) {}

  /** `serverValues`: values the caller sets beside the behaviour's (a clue opened from an exception keeps its key). */
  async create(resource: ResourceDeclaration, body: Row, user: SessionUser, serverValues: Row = {}): Promise<ApiRecord> {
    const behaviour = this.behaviours.of(resource);
    const record = await this.transaction(resource, async (manager) => {
      const input = await prepareInput(resource, behaviour.prepareBody?.(body, user) ?? body, 'create');
      const write: RecordWrite = { action: 'create', body, values: input, existing: null, manager, user };
      await behaviour.validate?.(write);
      const values = { ...input, ...(await behaviour.serverValues?.(write)), ...serverValues };
      const scopePath = await resolveScopePath(resource, values, manager, user);
      await checkReferences(resource, values, manager, user);
      await checkConfiguredValues(manager, resource, values);
      await checkAgreements(resource, values, Object.keys(values), manager);
      await checkReferencedLists(manager, resource, values, values);
      const columns = Object.keys(values).map((key) => columnName(key, resource.fields[key]));
      const params = [...sqlParams(resource, values), scopePath];
      const extra = resource.versioned ? ', version' : '';
      const extraValues = resource.versioned ? ', 1' : '';
      const placeholders = params.map((_, i) => `$${i + 1}`).join(', ');
      const [row] = await manager.query(
        `INSERT INTO "${resource.table}" AS t (${[...columns, 'scope_path'].map((c) => `"${c}"`).join(', ')}${extra})
         VALUES (${placeholders}${extraValues}) RETURNING ${selectList(resource)}`,
        params,
      );
      await attachFiles(manager, resource, values, row.id, scopePath, user);
      await this.audit.record(manager, user, {
        action: 'create',
        resource: resource.name,
        recordId: row.id,
        scopePath,
        before: null,
        after: auditSnapshot(resource, row),
      });
      const after = await this.afterWrite(resource, { action: 'create', before: null, after: row, manager, user });
      return presentRecord(resource, after, user);
    });
    await behaviour.afterCommit?.(record, user);
    return record;
  }

  async update(resource: ResourceDeclaration, id: string, body: Row, user: SessionUser): Promise<ApiRecord> {
    const behaviour = this.behaviours.of(resource);
    const record = await this.transaction(resource, async (manager) => {
      const existing = await this.lockInScope(manager, resource, id, user);
      if (resource.versioned) checkVersion(existing, body.version);
      const values = await prepareInput(resource, body, 'update', existing);
      if (!Object.keys(values).length) return presentRecord(resource, existing, user);
      const write: RecordWrite = { action: 'update', body, values, existing, manager, user };
      await behaviour.validate?.(write);

      let scopePath = existing.scopePath as string;
      if (scopeFields(resource).some((key) => key in values)) {
        scopePath = await resolveScopePath(resource, { ...existing, ...values }, manager, user);
      }
      await checkReferences(resource, values, manager, user);
      await checkConfiguredValues(manager, resource, values, existing);
      await checkAgreements(resource, { ...existing, ...values }, Object.keys(values), manager);
      await checkReferencedLists(manager, resource, { ...existing, ...values }, values);
      await checkListsStillCover(manager, resource, existing.id, values);
      const written = { ...values, ...(await behaviour.serverValues?.(write)) };
      const sets = Object.keys(written).map((key, i) => `"${columnName(key, resource.fields[key])}" = $${i + 2}`);
      const params: unknown[] = [parseId(resource, id), ...sqlParams(resource, written), scopePath];
      sets.push(`scope_path = $${params.length}`);
      if (resource.versioned) sets.push('version = t.version + 1', 'updated_at = now()');
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [[row]] = await manager.query(
        `UPDATE "${resource.table}" AS t SET ${sets.join(', ')} WHERE t.id = $1 RETURNING ${selectList(resource)}`,
        params,
      );
      if (scopePath !== existing.scopePath && isTreeNode(resource)) await moveSubtree(manager, existing.scopePath as string, scopePath);
      await attachFiles(manager, resource, values, row.id, scopePath, user);
      await this.audit.record(manager, user, {
        action: 'update',
        resource: resource.name,
        recordId: row.id,
        scopePath,
        before: auditSnapshot(resource, existing),
        after: auditSnapshot(resource, row),
      });
      const after = await this.afterWrite(resource, { action: 'update', before: existing, after: row, manager, user });
      return presentRecord(resource, after, user);
    });
    await behaviour.afterCommit?.(record, user);
    return record;
  }

  /** Deletes a record (scope, audit); the behaviour's `beforeDelete` runs first on the locked row. */
  remove(resource: ResourceDeclaration, id: string, user: SessionUser): Promise<ApiRecord> {
    const behaviour = this.behaviours.of(resource);
    return this.transaction(resource, async (manager) => {
      const existing = await this.lockInScope(manager, resource, id, user);
      await behaviour.beforeDelete?.(existing, manager, user);
      await manager.query(`DELETE FROM "${resource.table}" WHERE id = $1`, [parseId(resource, id)]);
      await this.audit.record(manager, user, {
        action: 'delete',
        resource: resource.name,
        recordId: existing.id as string,
        scopePath: existing.scopePath as string,
        before: auditSnapshot(resource, existing),
        after: null,
      });
      await behaviour.afterWrite?.({ action: 'delete', before: existing, after: null, manager, user });
      return presentRecord(resource, existing, user);
    });
  }

  /** The behaviour's follow-up writes; the row is read again when there were any (totals it changed). */
  private async afterWrite(resource: ResourceDeclaration, change: RecordChange & { after: Row }): Promise<Row> {
    const behaviour = this.behaviours.of(resource);
    if (!behaviour.afterWrite) return change.after;
    await behaviour.afterWrite(change);
    return (await this.reader.findRow(change.manager, resource, String(change.after.id)))!;
  }

  /** The plain value of one sensitive field, for roles allowed to ask; always audited. */
  reveal(resource: ResourceDeclaration, id: string, fieldKey: string, user: SessionUser): Promise<{ value: unknown }> {
    const field = resource.fields[fieldKey];
    const sensitive = field?.sensitive;
    if (!sensitive) throw ApiException.validation({ field: { zh: '该字段无需显示操作', en: 'Not a sensitive field' } });
    if (!sensitive.revealFor.includes(user.role) && !sensitive.plainFor.includes(user.role)) throw ApiException.forbidden();
    return this.db.transaction(async (manager) => {
      const row = await this.reader.findRow(manager, resource, id);
      if (!row || !inScope(row.scopePath as string, user)) throw ApiException.notFound();
      await this.audit.record(manager, user, {
        action: 'reveal',
        resource: resource.name,
        recordId: row.id as string,
        scopePath: row.scopePath as string,
        before: null,
        after: { field: fieldKey },
      });
      return { value: row[fieldKey] ?? null };
    });
  }

  /**
   * Out-of-scope writes are refused (403); writes to records that do not exist are 404, and
   * so are those to records read from below that the user cannot even read.
   */
  private async lockInScope(manager: EntityManager, resource: ResourceDeclaration, id: string, user: SessionUser): Promise<Row> {
    const existing = await this.reader.findRow(manager, resource, id, [], true);
    if (!existing) throw ApiException.notFound();
    if (readsFromBelow(resource) && !inReadScope(resource, existing.scopePath as string, user)) throw ApiException.notFound();
    if (!inScope(existing.scopePath as string, user)) throw ApiException.outOfScope();
    return existing;
  }

  /** Runs a write in a transaction and turns constraint violations into user-facing errors. */
  private async transaction<T>(resource: ResourceDeclaration, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (error) {
      throw translateConstraintError(resource, error);
    }
  }
}

/** Values as pg binds them: json goes as JSON text (pg would turn a JS array into a SQL array). */
function sqlParams(resource: ResourceDeclaration, values: Row): unknown[] {
  return Object.entries(values).map(([key, value]) => (resource.fields[key]?.type === 'json' && value != null ? JSON.stringify(value) : value));
}

function checkVersion(existing: Row, sent: unknown): void {
  if (sent === undefined || sent === null) {
    throw ApiException.validation({
      version: { zh: '缺少版本号，请刷新页面后重试', en: 'The record version is missing: reload and retry' },
    });
  }
  // The version read with the record, as it was sent: `[1]` or `true` is no version.
  if (!isInt4(sent)) {
    throw ApiException.validation({ version: { zh: '版本号无效，请刷新页面后重试', en: 'The record version is not valid: reload and retry' } });
  }
  if (sent !== existing.version) {
    throw new ApiException('STALE_VERSION', {
      zh: '此记录已被他人修改，请刷新后重新编辑',
      en: 'Someone else changed this record meanwhile: reload it and edit again',
    });
  }
}

function translateConstraintError(resource: ResourceDeclaration, error: unknown): unknown {
  const driverError = databaseError(error);
  if (!driverError) return error;
  if (driverError.code === '23505') {
    const index = resource.indexes?.find((i) => i.name === driverError.constraint);
    const key = index && Object.keys(resource.fields).find((k) => columnName(k, resource.fields[k]) === index.columns[0]);
    if (key) return ApiException.validation({ [key]: renderMessage('unique', resource.fields[key]) });
    return ApiException.validation({ id: { zh: '记录已存在', en: 'This record already exists' } });
  }
  // 23503 foreign_key_violation; PostgreSQL 18 reports ON DELETE RESTRICT as 23001.
  if (driverError.code === '23503' || driverError.code === '23001') {
    return new ApiException('IN_USE', {
      zh: '该记录仍被其他数据引用，不能删除（可改为停用或修改状态）',
      en: 'Other data still refers to this record, so it cannot be deleted',
    });
  }
  return error;
}
