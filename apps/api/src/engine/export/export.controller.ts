import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { localeOf } from '../errors/locale';
import type { RawListQuery } from '../rest/query-parser';
import { allowed } from '../rest/resource.controller';
import type { RawExportOptions } from './export-format';
import { exportRequest } from './export-request';
import { ResourceExporter } from './resource-exporter.service';

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
