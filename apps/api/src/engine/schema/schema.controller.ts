import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchemaPayload, SessionUser } from '@zizhu/schema';
import { CurrentUser } from '../auth/current-user.decorator';
import { PAGES } from '../metadata/page-registry';
import { RESOURCES } from '../metadata/resource-registry';
import { describeResource } from './resource-schema.builder';

@ApiTags('schema')
@ApiBearerAuth()
@Controller('schema')
export class SchemaController {
  @Get()
  @ApiOperation({ summary: 'Resource schemas the panel is generated from, for the calling user' })
  get(@CurrentUser() user: SessionUser): SchemaPayload {
    return {
      user,
      resources: RESOURCES.filter((r) => r.access.list.includes(user.role)).map((r) => describeResource(r, user)),
      pages: PAGES.filter((page) => page.roles.includes(user.role)).map(({ roles: _roles, ...page }) => page),
    };
  }
}
