import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiException } from '../errors/api.exception';
import { allowedRoles } from './allow.decorator';
import type { AuthenticatedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { SessionService, unauthenticated } from './session.service';

/**
 * Global guard: every route needs a bearer token unless marked @Public(), and a role the
 * route declares (`@Allow`, or the resource's access for a generic route): 403 otherwise.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated();
    request.user = await this.sessions.authenticate(token);
    const roles = allowedRoles(this.reflector, context);
    if (roles && !roles.includes(request.user.role)) throw ApiException.forbidden();
    return true;
  }
}
