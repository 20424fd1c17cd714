import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AidQueryAnswer, AidQueryChallenge } from '@zizhu/schema';
import type { Request, Response } from 'express';
import { Public } from '../../../engine/auth/public.decorator';
import { TooManyAidQueries } from './aid-query-limits';
import { AidQueryService } from './aid-query.service';
import { AidQueryDto } from './dtos/aid-query.dto';

/** The families' own aid query: no login; see AidQueryService for what it answers and what bounds it. */
@ApiTags('public')
@Controller('public/aid-query')
export class AidQueryController {
  constructor(private readonly queries: AidQueryService) {}

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "A student's name and full ID number → the aid paid to that student (program, term, amount in fen, date); the same empty answer for every failure",
    description:
      'No login. At most 20 queries an hour per address and 10 a day per ID number (429 TOO_MANY_ATTEMPTS with Retry-After); after 3 failed queries from an address in a day each query needs a solved challenge (428 CHALLENGE_REQUIRED: GET /public/aid-query/challenge, send challengeToken and challengeAnswer).',
  })
  async query(@Body() body: AidQueryDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<AidQueryAnswer> {
    try {
      return await this.queries.query(body, request.ip ?? request.socket.remoteAddress ?? 'unknown');
    } catch (error) {
      if (error instanceof TooManyAidQueries) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Public()
  @Get('challenge')
  @ApiOperation({ summary: 'A check to answer after failed queries: an arithmetic question drawn as an SVG image, and the signed token to send back with the answer' })
  challenge(@Res({ passthrough: true }) response: Response): Promise<AidQueryChallenge> {
    response.setHeader('Cache-Control', 'no-store');
    return this.queries.challenge();
  }
}
