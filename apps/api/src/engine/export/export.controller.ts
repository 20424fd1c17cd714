import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ResourceDeclaration, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { type Locale, localeOf } from '../errors/locale';
import { parseJson, parseListQuery, type RawListQuery } from '../rest/query-parser';
import { allowed } from '../rest/resource.controller';
import { parseExportOptions, type RawExportOptions } from './export-format';
import { type ExportRequest, ResourceExporter } from './resource-exporter.service';

/**
 * `GET /api/:resource/export?format=xlsx|csv&filter=…&sort=…`: the whole list, as the
 * user sees it, as a file. Registered before ResourceController so `/:resource/:id` does
 * not take `export` for an id. Documented in OpenAPI from the declarations (openapi/).
 */
@ApiExcludeController()
@Controller()
export class ExportController {
  constructor(private readonly exporter: ResourceExporter) {}

  @Get(':resource/export')
  async export(
    @Param('resource') name: string,
    @Query() query: RawListQuery & RawExportOptions,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    const resource = allowed(name, 'list', user);
    const request = exportRequest(resource, query, localeOf(acceptLanguage));
    await this.exporter.export(resource, request, user, response);
  }
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
