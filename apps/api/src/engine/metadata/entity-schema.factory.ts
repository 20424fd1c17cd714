import { columnName, FIELD_TYPES, type FieldDeclaration, type ResourceDeclaration } from '@zizhu/schema';
import { EntitySchema, type EntitySchemaColumnOptions, type EntitySchemaRelationOptions } from 'typeorm';
import { COUNTY_CODE_COLUMN } from './county-code';
import { FIELD_ENV, RESOURCES, fieldEntries, requireResource } from './resource-registry';

/** Text columns searched by prefix or scoped by path use the "C" collation, so a plain
 * btree index serves `LIKE 'prefix%'` whatever the cluster's locale. */
const PREFIX_COLLATION = 'C';

/** The column its field type asks for (FIELD_TYPES), in TypeORM's terms. */
function columnOptions(key: string, field: FieldDeclaration): EntitySchemaColumnOptions {
  const spec = FIELD_TYPES[field.type].column(field, FIELD_ENV);
  return {
    name: columnName(key, field),
    type: spec.type,
    ...(spec.length !== undefined ? { length: spec.length } : {}),
    ...(spec.array ? { array: true } : {}),
    nullable: spec.nullable ?? !field.required,
    ...(spec.default === 'emptyArray' ? { default: () => "'{}'" } : spec.default !== undefined ? { default: spec.default } : {}),
    ...(spec.prefixCollation ? { collation: PREFIX_COLLATION } : {}),
  };
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
    if (field.type === 'reference' && field.reference && field.foreignKey !== false) {
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
  if (resource.distributedBy === 'county') columns.countyCode = COUNTY_CODE_COLUMN;
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
