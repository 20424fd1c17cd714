import { OVERDUE_KEY } from '../rest/overdue-sql';
import type { FieldDeclaration, FieldSchema, FieldSchemaShape, ResourceDeclaration, ResourceSchema, SessionUser } from '@zizhu/schema';

/** The schema one user's panel is generated from: fields, permissions and masking for them. */
export function describeResource(resource: ResourceDeclaration, user: SessionUser): ResourceSchema {
  const can = {
    list: resource.access.list.includes(user.role),
    create: resource.access.create.includes(user.role),
    update: resource.access.update.includes(user.role),
    delete: resource.access.delete.includes(user.role),
  };
  const fields: FieldSchema[] = Object.entries(resource.fields).map(([key, f]) => describeField(key, f, user));
  for (const [key, relation] of Object.entries(resource.relationFilters ?? {})) {
    fields.push({
      key,
      type: 'reference',
      reference: relation.reference,
      label: relation.label,
      help: relation.help,
      required: false,
      readOnly: true,
      immutable: true,
      list: false,
      filter: 'exact',
      sort: false,
      search: false,
      writeOnly: false,
      filterOnly: true,
    });
  }
  if (resource.overdue) {
    fields.push({
      key: OVERDUE_KEY,
      type: 'boolean',
      label: resource.overdue.label,
      help: resource.overdue.help,
      required: false,
      readOnly: true,
      immutable: true,
      list: true,
      filter: 'exact',
      sort: false,
      search: false,
      writeOnly: false,
    });
  }
  if (resource.versioned) {
    fields.push(
      systemTimestamp('createdAt', { zh: '创建时间', en: 'Created' }),
      systemTimestamp('updatedAt', { zh: '更新时间', en: 'Updated' }),
    );
  }
  return {
    name: resource.name,
    label: resource.label,
    recordLabel: resource.recordLabel,
    optionFields: resource.optionFields?.filter((key) => fields.some((f) => f.key === key && !f.writeOnly)),
    recordTitle: resource.recordTitle,
    icon: resource.icon,
    menu: resource.menu,
    idType: resource.idType,
    fields,
    can,
    defaultSort: resource.defaultSort,
    versioned: resource.versioned,
    audited: resource.audited,
    importable: isImportable(resource),
  };
}

function systemTimestamp(key: string, label: FieldSchema['label']): FieldSchema {
  return {
    key,
    type: 'datetime',
    label,
    required: false,
    readOnly: true,
    immutable: true,
    list: false,
    sort: true,
    search: false,
    writeOnly: false,
  };
}

function describeField(key: string, f: FieldDeclaration, user: SessionUser): FieldSchema {
  return {
    key,
    type: f.type,
    label: f.label,
    help: f.help,
    required: f.required ?? false,
    readOnly: f.readOnly ?? false,
    immutable: f.immutable ?? false,
    maxLength: f.maxLength,
    minLength: f.minLength,
    min: f.min,
    max: f.max,
    decimals: f.decimals,
    pattern: f.pattern,
    options: f.options,
    reference: f.reference,
    optionLabel: f.optionLabel,
    sensitive: f.sensitive && {
      mask: f.sensitive.mask,
      masked: !f.sensitive.plainFor.includes(user.role),
      canReveal: !f.sensitive.plainFor.includes(user.role) && f.sensitive.revealFor.includes(user.role),
    },
    list: f.list ?? false,
    filter: f.filter,
    sort: f.sort ?? false,
    search: f.search !== undefined,
    writeOnly: f.writeOnly ?? false,
    display: f.display,
    grouping: f.grouping,
    codeOf: f.codeOf,
    links: f.links,
    defaultValue: f.defaultValue,
    shape: describeShape(f, user),
  };
}

function describeShape(f: FieldDeclaration, user: SessionUser): FieldSchemaShape | undefined {
  const shape = f.shape;
  // When answers are optional is the server's business: the panel gets the shape it always got.
  if (shape?.kind === 'values') return { kind: 'values', via: shape.via, field: shape.field };
  if (shape?.kind !== 'list') return shape;
  const itemFields = Object.entries(shape.itemFields).map(([key, item]) => describeField(key, item, user));
  return { kind: 'list', itemFields, minItems: shape.minItems, maxItems: shape.maxItems };
  }

/** Whether the generic import may write this resource (the import module asks the same). */
export function isImportable(resource: ResourceDeclaration): boolean {
  return !!resource.businessKey?.length && resource.importable !== false && resource.name !== 'imports';
}
