import { columnName, type FieldDeclaration, type ResourceDeclaration } from '@zizhu/schema';
import { EntitySchema, type EntitySchemaColumnOptions, type EntitySchemaRelationOptions } from 'typeorm';
import { STRING_MAX_LENGTH } from '../rest/value-checks';
import { RESOURCES, fieldEntries, referenceIdType, requireResource } from './resource-registry';

/** Text columns searched by prefix or scoped by path use the "C" collation, so a plain
 * btree index serves `LIKE 'prefix%'` whatever the cluster's locale. */
const PREFIX_COLLATION = 'C';

function columnOptions(key: string, field: FieldDeclaration): EntitySchemaColumnOptions {
  const name = columnName(key, field);
  const nullable = !field.required;
  const prefixed = field.search === 'prefix' || field.filter === 'prefix';
  switch (field.type) {
    case 'string':
      return { name, type: 'varchar', length: field.maxLength ?? STRING_MAX_LENGTH, nullable, ...(prefixed ? { collation: PREFIX_COLLATION } : {}) };
    case 'text':
      return { name, type: 'text', nullable };
    case 'integer':
      return { name, type: 'integer', nullable };
    case 'money':
      return { name, type: 'bigint', nullable };
    case 'boolean':
      return { name, type: 'boolean', nullable: false, default: field.defaultValue === true };
    case 'date':
      return { name, type: 'date', nullable };
    case 'datetime':
      return { name, type: 'timestamptz', nullable };
    case 'enum':
      return { name, type: 'varchar', length: 32, nullable };
    case 'enumList':
      return { name, type: 'varchar', length: 32, array: true, nullable: false, default: () => "'{}'" };
    case 'reference':
      return referenceIdType(field) === 'integer'
        ? { name, type: 'integer', nullable }
        : { name, type: 'varchar', length: 12, nullable };
    case 'idNumber':
      return { name, type: 'varchar', length: 18, nullable };
    case 'phone':
      return { name, type: 'varchar', length: 20, nullable: true };
    case 'account':
      return { name, type: 'varchar', length: 32, nullable: true };
    case 'json':
      return { name, type: 'jsonb', nullable: true };
    case 'password':
      return { name, type: 'varchar', length: 255, nullable: true };
    default: {
      const unhandled: never = field.type;
      throw new Error(`No column mapping for field type ${String(unhandled)}`);
    }
  }
}

function idColumn(resource: ResourceDeclaration): EntitySchemaColumnOptions {
  return resource.idType === 'integer'
    ? { name: 'id', type: 'integer', primary: true, generated: 'increment' }
    : { name: 'id', type: 'varchar', length: 12, primary: true };
}

/** Index declarations name database columns; TypeORM wants the property names. */
function propertyOf(columns: Record<string, EntitySchemaColumnOptions>, column: string): string {
  const property = Object.keys(columns).find((key) => columns[key].name === column);
  if (!property) throw new Error(`Index names unknown column ${column}`);
  return property;
}

/** Derives the TypeORM mapping of a resource from its declaration. */
export function toEntitySchema(resource: ResourceDeclaration): EntitySchema {
  const columns: Record<string, EntitySchemaColumnOptions> = { id: idColumn(resource) };
  const relations: Record<string, EntitySchemaRelationOptions> = {};
  for (const [key, field] of fieldEntries(resource)) {
    if (key === 'id') continue;
    columns[key] = { ...columnOptions(key, field), ...(key === resource.partitionBy ? { primary: true } : {}) };
    if (field.type === 'reference' && field.reference) {
      relations[`${key}Ref`] = {
        type: 'many-to-one',
        target: requireResource(field.reference).name,
        joinColumn: { name: columnName(key, field), referencedColumnName: 'id' },
        onDelete: 'RESTRICT',
        createForeignKeyConstraints: true,
      };
    }
  }
  columns.scopePath = { name: 'scope_path', type: 'varchar', length: 200, collation: PREFIX_COLLATION };
  if (resource.versioned) {
    columns.version = { name: 'version', type: 'integer', version: true };
    columns.createdAt = { name: 'created_at', type: 'timestamptz', createDate: true };
    columns.updatedAt = { name: 'updated_at', type: 'timestamptz', updateDate: true };
  }
  return new EntitySchema({
    name: resource.name,
    tableName: resource.table,
    columns,
    relations,
    indices: (resource.indexes ?? []).map((index) => ({
      name: index.name,
      columns: index.columns.map((column) => propertyOf(columns, column)),
      unique: index.unique ?? false,
      ...(index.where ? { where: index.where } : {}),
    })),
  });
}

export const ENTITY_SCHEMAS: EntitySchema[] = RESOURCES.map(toEntitySchema);
