import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse, SessionUser } from '@zizhu/schema';
import type { Request, Response } from 'express';
import { CurrentUser } from './current-user.decorator';
import { TooManyLoginAttempts } from './login-throttle';
import { LoginDto } from './login.dto';
import { Public } from './public.decorator';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly sessions: SessionService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in; returns a bearer token and the session user',
    description: 'After 10 consecutive failures for one username from one address, or 100 failures from one address in a day, answers 429 TOO_MANY_ATTEMPTS with Retry-After (seconds).',
  })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<LoginResponse> {
    try {
      return await this.sessions.login(body.username, body.password, request.ip ?? request.socket.remoteAddress ?? 'unknown');
    } catch (error) {
      if (error instanceof TooManyLoginAttempts) response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user, with role and region scope' })
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }
}
