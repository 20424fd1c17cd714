import { FIELD_TYPES, type FieldDeclaration, type ResourceDeclaration } from '@zizhu/schema';
import { FIELD_ENV } from '../metadata/resource-registry';
import { readsFromBelow } from '../scope/scope';

type JsonSchema = Record<string, unknown>;
type PathItem = Record<string, unknown>;

/** OpenAPI schema of one field: its type's (FIELD_TYPES), with the declaration's label and access. */
export function fieldSchema(field: FieldDeclaration): JsonSchema {
  const description = `${field.label.en} (${field.label.zh})${field.help ? ` — ${field.help.en}` : ''}`;
  const { schema, note } = FIELD_TYPES[field.type].openApi(field, FIELD_ENV);
  return {
    description: `${description}${note ?? ''}`,
    ...(field.readOnly ? { readOnly: true } : {}),
    ...(field.writeOnly ? { writeOnly: true } : {}),
    ...schema,
  };
}

export function recordSchema(resource: ResourceDeclaration): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    id: { type: resource.idType === 'integer' ? 'integer' : 'string', readOnly: resource.idType === 'integer' },
  };
  for (const [key, field] of Object.entries(resource.fields)) properties[key] = fieldSchema(field);
  if (resource.versioned) {
    properties.version = { type: 'integer', description: 'Optimistic lock: send back the version you read; a stale one gets 409' };
    properties.createdAt = { type: 'string', format: 'date-time', readOnly: true };
    properties.updatedAt = { type: 'string', format: 'date-time', readOnly: true };
  }
  properties.referenceLabels = {
    type: 'object',
    readOnly: true,
    additionalProperties: { type: 'string' },
    description: "Labels of referenced records the caller may not list (e.g. { decidedBy: 'name' } for a school officer), keyed by field",
  };
  if (readsFromBelow(resource)) {
    properties.writable = {
      type: 'boolean',
      readOnly: true,
      description: "false when the record lies above the caller's region (read from below): it may be read, not changed",
    };
  }
  if (resource.overdue) {
    properties.overdue = {
      type: 'boolean',
      readOnly: true,
      description: `${resource.overdue.label.en}: ${resource.overdue.dueField} (China's date) has passed and ${resource.overdue.statusField} is not ${resource.overdue.doneStatuses.join(' / ')}`,
    };
  }
  const required = Object.entries(resource.fields).filter(([, f]) => f.required && !f.readOnly).map(([k]) => k);
  return { type: 'object', description: resource.label.en, properties, required };
}

const errorResponses = {
  '400': { description: 'Unknown sort/filter field or malformed query', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } },
  '401': { description: 'Not logged in' },
  '403': { description: 'Role may not do this, or the record lies outside the user’s region' },
};

/** simple-rest paths of one resource. */
export function resourcePaths(resource: ResourceDeclaration): Record<string, PathItem> {
  const ref = { $ref: `#/components/schemas/${schemaName(resource)}` };
  const tag = [resource.name];
  const filters = [
    ...Object.entries(resource.fields).filter(([, f]) => f.filter).map(([k, f]) => (f.filter === 'range' ? `${k}_gte, ${k}_lte` : k)),
    ...Object.keys(resource.relationFilters ?? {}),
    ...(resource.overdue ? ['overdue'] : []),
  ];
  const listParams = [
    { name: 'sort', in: 'query', schema: { type: 'string' }, example: `["${resource.defaultSort.field}","${resource.defaultSort.order}"]` },
    { name: 'range', in: 'query', schema: { type: 'string' }, example: '[0,24]', description: 'Inclusive; at most 1000 records' },
    {
      name: 'filter',
      in: 'query',
      schema: { type: 'string' },
      example: '{}',
      description: `JSON object. Keys: id (value or array), q (search)${filters.length ? `, ${filters.join(', ')}` : ''}`,
    },
  ];
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: resource.idType === 'integer' ? 'integer' : 'string' } };
  const body = { required: true, content: { 'application/json': { schema: ref } } };
  const one = { '200': { description: 'The record', content: { 'application/json': { schema: ref } } } };
  const paths: Record<string, PathItem> = {
    [`/api/${resource.name}`]: {
      get: {
        tags: tag,
        summary: `List ${resource.label.en}`,
        security: [{ bearer: [] }],
        parameters: listParams,
        responses: {
          '200': {
            description: 'A page; the Content-Range header holds the total',
            headers: { 'Content-Range': { schema: { type: 'string' }, example: `${resource.name} 0-24/319` } },
            content: { 'application/json': { schema: { type: 'array', items: ref } } },
          },
          ...errorResponses,
        },
      },
      ...(resource.access.create.length
        ? { post: { tags: tag, summary: `Create ${resource.label.en}`, security: [{ bearer: [] }], requestBody: body, responses: { '201': one['200'], '422': { description: 'Field errors: {"errors": {"field": "message"}}' }, ...errorResponses } } }
        : {}),
    },
    [`/api/${resource.name}/{id}`]: {
      get: { tags: tag, summary: `One ${resource.label.en} record`, security: [{ bearer: [] }], parameters: [idParam], responses: { ...one, '404': { description: 'Not found in your region' } } },
      ...(resource.access.update.length
        ? { put: { tags: tag, summary: `Update (send the version you read)`, security: [{ bearer: [] }], parameters: [idParam], requestBody: body, responses: { ...one, '409': { description: 'Stale version' }, '422': { description: 'Field errors' }, ...errorResponses } } }
        : {}),
      ...(resource.access.delete.length
        ? { delete: { tags: tag, summary: `Delete`, security: [{ bearer: [] }], parameters: [idParam], responses: { ...one, '409': { description: 'Still referenced' }, ...errorResponses } } }
        : {}),
    },
  };
  paths[`/api/${resource.name}/export`] = {
    get: {
      tags: tag,
      summary: `Export ${resource.label.en} as xlsx or CSV (the list's filter and sort, every row, streamed)`,
      description:
        'Columns are the readable fields with their labels (Accept-Language); enum labels, referenced records by name, ' +
        'sensitive values masked as in the list. Text starting with = + - @ tab or CR gets a leading apostrophe. ' +
        'Exports of personal data are audited.',
      security: [{ bearer: [] }],
      parameters: [
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['xlsx', 'csv'], default: 'xlsx' } },
        { name: 'encoding', in: 'query', schema: { type: 'string', enum: ['utf-8', 'gbk'], default: 'utf-8' }, description: 'CSV only; UTF-8 comes with a BOM' },
        listParams[0],
        listParams[2],
      ],
      responses: {
        '200': {
          description: 'The file, as an attachment',
          headers: { 'Content-Disposition': { schema: { type: 'string' }, example: `attachment; filename="${resource.name}.xlsx"` } },
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            'text/csv': { schema: { type: 'string', format: 'binary' } },
          },
        },
        ...errorResponses,
      },
    },
  };
  if (Object.values(resource.fields).some((f) => f.sensitive)) {
    paths[`/api/${resource.name}/{id}/reveal`] = {
      post: {
        tags: tag,
        summary: 'Reveal one masked field (audited)',
        security: [{ bearer: [] }],
        parameters: [idParam],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { field: { type: 'string' } } } } } },
        responses: { '200': { description: '{"value": "<plain>"}' }, ...errorResponses },
      },
    };
  }
  return paths;
}

export function schemaName(resource: ResourceDeclaration): string {
  return resource.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
}
