import { Body, Controller, Delete, Get, Headers, HttpCode, Injectable, Param, Post, Put, Query, Res, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ResourceDeclaration, SessionUser } from '@zizhu/schema';
import { IsString } from 'class-validator';
import type { Response } from 'express';
import { ResourceAccess, RouteResource } from '../auth/allow.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiException } from '../errors/api.exception';
import { says } from '../errors/body-errors';
import { exportList } from '../export/export-request';
import type { RawExportOptions } from '../export/export-format';
import { ResourceExporter } from '../export/resource-exporter.service';
import { findResource } from '../metadata/resource-registry';
import { parseListQuery, type RawListQuery } from './query-parser';
import type { ApiRecord } from './record-presenter';
import { ResourceReader } from './resource-reader.service';
import { ResourceWriter } from './resource-writer.service';

/** A record's fields as sent: checked against the declaration by the writer (prepareInput). */
type RecordBody = Record<string, unknown>;

const NOT_SENSITIVE = { zh: '该字段无需显示操作', en: 'Not a sensitive field' };

export class RevealBody {
  @IsString(says(NOT_SENSITIVE))
  field!: string;
}

/**
 * The ra-data-simple-rest protocol of one declared resource, under its own name (so a
 * module's `GET /funds/overdue` is no `/:resource/:id`, whatever the order of modules),
 * plus the export of its list. Who may call each route is the declaration's `access`
 * (checked by the AuthGuard). Routes are documented in OpenAPI from the declarations.
 */
// Injectable for its constructor's types, which each resource's subclass inherits.
@Injectable()
export abstract class ResourceController {
  abstract readonly resource: ResourceDeclaration;

  constructor(
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
    private readonly exporter: ResourceExporter,
  ) {}

  @Get()
  @ResourceAccess('list')
  async list(@Query() query: RawListQuery, @CurrentUser() user: SessionUser, @Res({ passthrough: true }) response: Response): Promise<ApiRecord[]> {
    const parsed = parseListQuery(this.resource, query);
    const { records, total } = await this.reader.list(this.resource, parsed, user);
    const last = parsed.offset + Math.max(records.length - 1, 0);
    response.setHeader('Content-Range', `${this.resource.name} ${parsed.offset}-${last}/${total}`);
    return records;
  }

  /** `GET /:resource/export?format=xlsx|csv&filter=…&sort=…`: the whole list, as the user sees it, as a file. Before `:id`. */
  @Get('export')
  @ResourceAccess('list')
  async export(
    @Query() query: RawListQuery & RawExportOptions,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @CurrentUser() user: SessionUser,
    @Res() response: Response,
  ): Promise<void> {
    await exportList(this.exporter, this.resource, query, acceptLanguage, user, response);
  }

  @Get(':id')
  @ResourceAccess('list')
  getOne(@Param('id') id: string, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.reader.getOne(this.resource, id, user);
  }

  @Post()
  @ResourceAccess('create')
  create(@Body() body: RecordBody, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.writer.create(this.resource, body ?? {}, user);
  }

  @Put(':id')
  @ResourceAccess('update')
  update(@Param('id') id: string, @Body() body: RecordBody, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.writer.update(this.resource, id, body ?? {}, user);
  }

  @Delete(':id')
  @ResourceAccess('delete')
  remove(@Param('id') id: string, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.writer.remove(this.resource, id, user);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @ResourceAccess('list')
  reveal(@Param('id') id: string, @Body() body: RevealBody, @CurrentUser() user: SessionUser): Promise<{ value: unknown }> {
    return this.writer.reveal(this.resource, id, body.field, user);
  }
}

/** The generic routes of one resource: a controller at `/<name>`, less the routes its own feature serves. */
export function resourceController(resource: ResourceDeclaration): Type<ResourceController> {
  @ApiExcludeController()
  @RouteResource(resource)
  @Controller(resource.name)
  class Routes extends ResourceController {
    readonly resource = resource;
  }
  for (const route of resource.ownRoutes ?? []) {
    // A method without route metadata is not routed: the feature's own controller answers.
    Object.defineProperty(Routes.prototype, route, { value: notRouted });
  }
  Object.defineProperty(Routes, 'name', { value: `${resource.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Controller` });
  return Routes;
}

function notRouted(): never {
  throw new Error('not routed');
}

/**
 * The resource a route names, if the user's role may do `action` with it. For routes that
 * take the resource from their path (exports, imports); the generic routes declare it.
 */
export function allowed(name: string, action: 'list' | 'create' | 'update' | 'delete', user: SessionUser): ResourceDeclaration {
  const resource = findResource(name);
  if (!resource) throw new ApiException('NOT_FOUND', { zh: `没有“${name}”这类数据`, en: `No resource "${name}"` });
  if (!resource.access[action].includes(user.role)) throw ApiException.forbidden();
  return resource;
}
