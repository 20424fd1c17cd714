import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ExportJob, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiException } from '../errors/api.exception';
import { localeOf } from '../errors/locale';
import { type RawListQuery } from '../rest/query-parser';
import { allowed } from '../rest/resource.controller';
import { exportList, exportRequest } from './export-request';
import { ResourceExporter } from './resource-exporter.service';
import { contentDisposition, contentType, type RawExportOptions } from './export-format';
import { exportFilePath, ExportJobService } from './export-job.service';
import { RecordIdPipe } from '../rest/record-id.pipe';

type RawJobOptions = RawListQuery & RawExportOptions;

const NOT_READY = { zh: '导出尚未完成', en: 'The export has not finished' };
const GONE = { zh: '导出文件已过期（保留 24 小时），请重新导出', en: 'The export file has expired (kept 24 hours): export again' };

/**
 * Large exports as jobs: `POST /:resource/export-jobs` (the export's parameters, in the
 * query or the JSON body) → 202 `{ id }`; `GET /export-jobs/:id` → progress;
 * `GET /export-jobs/:id/file` → the file. `GET /export-jobs/:id` is the job's own read: the
 * declaration leaves it out of the generic routes (`ownRoutes`).
 */
@ApiExcludeController()
@Controller()
export class ExportJobController {
  constructor(
    private readonly jobs: ExportJobService,
    private readonly exporter: ResourceExporter,
  ) {}

  @Post(':resource/export-jobs')
  @HttpCode(202)
  async start(
    @Param('resource') name: string,
    @Query() query: RawJobOptions,
    @Body() body: Record<string, unknown> | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: SessionUser,
  ): Promise<{ id: number }> {
    const resource = allowed(name, 'list', user);
    const request = exportRequest(resource, { ...query, ...fromBody(body) }, localeOf(acceptLanguage));
    return { id: await this.jobs.start(resource, request, user) };
  }

  /** The list's export, routed before `:id` (the declaration leaves it to this controller: `ownRoutes`). */
  @Get('export-jobs/export')
  exportList(
    @Query() query: RawListQuery & RawExportOptions,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    return exportList(this.exporter, allowed('export-jobs', 'list', user), query, acceptLanguage, user, response);
  }

  @Get('export-jobs/:id')
  status(
    @Param('id', RecordIdPipe) id: number,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: SessionUser,
  ): Promise<ExportJob> {
    return this.jobs.describe(id, user, localeOf(acceptLanguage));
  }

  @Get('export-jobs/:id/file')
  async file(
    @Param('id', RecordIdPipe) id: number,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    const job = await this.jobs.find(id, user);
    const resource = allowed(job.resource, 'list', user);
    if (job.status !== 'done') throw new ApiException('NOT_FOUND', NOT_READY);
    const path = exportFilePath(job);
    const size = await stat(path).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw new ApiException('NOT_FOUND', GONE);
    const options = { format: job.format, encoding: job.encoding, locale: localeOf(acceptLanguage) };
    response.status(200);
    response.setHeader('Content-Type', contentType(options));
    response.setHeader('Content-Length', String(size));
    response.setHeader('Content-Disposition', contentDisposition(resource, options, job.started_at));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
    await pipeline(createReadStream(path), response).catch(() => response.destroy());
  }
}

/** A JSON body may carry filter and sort as objects rather than JSON text. */
function fromBody(body: Record<string, unknown> | undefined): Partial<RawJobOptions> {
  if (!body || typeof body !== 'object') return {};
  const out: Record<string, string> = {};
  for (const key of ['format', 'encoding', 'filter', 'sort'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}
