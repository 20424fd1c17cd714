import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ResourceAction, ResourceDeclaration, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiException } from '../errors/api.exception';
import { findResource } from '../metadata/resource-registry';
import { parseListQuery, type RawListQuery } from './query-parser';
import type { ApiRecord } from './record-presenter';
import { ResourceReader } from './resource-reader.service';
import { ResourceWriter } from './resource-writer.service';

type RequestBody = Record<string, unknown>;

/**
 * The ra-data-simple-rest protocol for every declared resource. Routes are documented in
 * OpenAPI from the declarations (see openapi/), not from this generic controller.
 */
@ApiExcludeController()
@Controller()
export class ResourceController {
  constructor(
    private readonly reader: ResourceReader,
    private readonly writer: ResourceWriter,
  ) {}

  @Get(':resource')
  async list(
    @Param('resource') name: string,
    @Query() query: RawListQuery,
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApiRecord[]> {
    const resource = allowed(name, 'list', user);
    const parsed = parseListQuery(resource, query);
    const { records, total } = await this.reader.list(resource, parsed, user);
    const last = parsed.offset + Math.max(records.length - 1, 0);
    response.setHeader('Content-Range', `${resource.name} ${parsed.offset}-${last}/${total}`);
    return records;
  }

  @Get(':resource/:id')
  getOne(@Param('resource') name: string, @Param('id') id: string, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.reader.getOne(allowed(name, 'list', user), id, user);
  }

  @Post(':resource')
  create(@Param('resource') name: string, @Body() body: RequestBody, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.writer.create(allowed(name, 'create', user), body ?? {}, user);
  }

  @Put(':resource/:id')
  update(
    @Param('resource') name: string,
    @Param('id') id: string,
    @Body() body: RequestBody,
    @CurrentUser() user: SessionUser,
  ): Promise<ApiRecord> {
    return this.writer.update(allowed(name, 'update', user), id, body ?? {}, user);
  }

  @Delete(':resource/:id')
  remove(@Param('resource') name: string, @Param('id') id: string, @CurrentUser() user: SessionUser): Promise<ApiRecord> {
    return this.writer.remove(allowed(name, 'delete', user), id, user);
  }

  @Post(':resource/:id/reveal')
  @HttpCode(200)
  reveal(
    @Param('resource') name: string,
    @Param('id') id: string,
    @Body() body: { field?: unknown },
    @CurrentUser() user: SessionUser,
  ): Promise<{ value: unknown }> {
    return this.writer.reveal(allowed(name, 'list', user), id, String(body?.field ?? ''), user);
  }
}

export function allowed(name: string, action: ResourceAction, user: SessionUser): ResourceDeclaration {
  const resource = findResource(name);
  if (!resource) throw new ApiException('NOT_FOUND', { zh: `没有“${name}”这类数据`, en: `No resource "${name}"` });
  if (!resource.access[action].includes(user.role)) throw ApiException.forbidden();
  return resource;
}
