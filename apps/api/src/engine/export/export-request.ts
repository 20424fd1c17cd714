import type { ResourceDeclaration, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { type Locale, localeOf } from '../errors/locale';
import { parseJson, parseListQuery, type RawListQuery } from '../rest/query-parser';
import { parseExportOptions, type RawExportOptions } from './export-format';
import type { ExportRequest, ResourceExporter } from './resource-exporter.service';

/**
 * `GET /api/<resource>/export?format=xlsx|csv&filter=…&sort=…`: the whole list as the user sees
 * it, as a file. A generic route of every resource (rest/resource.controller.ts); a feature
 * that serves its records' `GET /:id` itself declares `export` among its `ownRoutes` too and
 * routes this before `:id` (imports, export jobs, files), so no order of modules matters.
 */
export function exportList(
  exporter: ResourceExporter,
  resource: ResourceDeclaration,
  query: RawListQuery & RawExportOptions,
  acceptLanguage: string | undefined,
  user: SessionUser,
  response: Response,
): Promise<void> {
  return exporter.export(resource, exportRequest(resource, query, localeOf(acceptLanguage)), user, response);
}

/** The export's parameters, checked before anything runs (an unknown field is `400 BAD_QUERY`). */
export function exportRequest(resource: ResourceDeclaration, query: RawListQuery & RawExportOptions, locale: Locale): ExportRequest {
  const options = parseExportOptions(query, locale);
  // A file holds the whole list: `range` is not a page here and is ignored.
  const parsed = parseListQuery(resource, { filter: query.filter, sort: query.sort });
  // Both checked above: an object and a [field, order] pair.
  const filter = parseJson<Record<string, unknown>>(query.filter, 'filter', {});
  const sort = parseJson<[string, string]>(query.sort, 'sort', [resource.defaultSort.field, resource.defaultSort.order]);
  return { query: parsed, filter, sort: [sort[0], sort[1]], options };
}
