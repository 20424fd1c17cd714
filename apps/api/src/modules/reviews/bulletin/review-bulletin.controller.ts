import { Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReviewBulletinStatus, SessionUser } from '@zizhu/schema';
import type { Response } from 'express';
import { Allow } from '../../../engine/auth/allow.decorator';
import { CurrentUser } from '../../../engine/auth/current-user.decorator';
import { localeOf } from '../../../engine/errors/locale';
import { RecordIdPipe } from '../../../engine/rest/record-id.pipe';
import { ReviewBulletinService } from './review-bulletin.service';

/** Who reads a bulletin: the bureaus and inspectors (a school reads its own line in `review-rows`). */
export const BULLETIN_ROLES = ['admin', 'county', 'inspector'] as const;

/**
 * 季通报 (PDF) of an issued quarterly review, printed on the job queue:
 * `POST /reviews/:id/bulletin` → 202 `{ status: 'running' }` (200 `{ status: 'done' }` once
 * printed); `GET /reviews/:id/bulletin` → its state, polled; `GET /reviews/:id/bulletin.pdf`
 * → the PDF (409 `NOT_READY` before).
 */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewBulletinController {
  constructor(private readonly bulletins: ReviewBulletinService) {}

  @Post(':id/bulletin')
  @HttpCode(202)
  @Allow(...BULLETIN_ROLES)
  @ApiOperation({ summary: "Print an issued quarterly review's bulletin (PDF) on the job queue: 202 { status: 'running' }, or 200 { status: 'done' } once printed" })
  async request(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser, @Res({ passthrough: true }) response: Response): Promise<ReviewBulletinStatus> {
    const status = await this.bulletins.request(id, user);
    if (status.status === 'done') response.status(200);
    return status;
  }

  @Get(':id/bulletin')
  @Allow(...BULLETIN_ROLES)
  @ApiOperation({ summary: "The bulletin's state: { status: 'running' | 'done' | 'failed' | null, error? } (null: never asked for)" })
  status(@Param('id', RecordIdPipe) id: number, @Headers('accept-language') language: string | undefined, @CurrentUser() user: SessionUser): Promise<ReviewBulletinStatus> {
    return this.bulletins.describe(id, user, localeOf(language));
  }

  @Get(':id/bulletin.pdf')
  @Allow(...BULLETIN_ROLES)
  @ApiOperation({ summary: 'Download the printed bulletin (application/pdf); 409 NOT_READY until it is printed' })
  async pdf(@Param('id', RecordIdPipe) id: number, @CurrentUser() user: SessionUser, @Res() response: Response): Promise<void> {
    const { name, data } = await this.bulletins.download(id, user);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Length', String(data.length));
    response.setHeader('Content-Disposition', `attachment; filename="review-bulletin-${id}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Access-Control-Expose-Headers', 'Content-Disposition');
    response.end(data);
  }
}
