import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@zizhu/schema';

export type AuthenticatedRequest = { user?: SessionUser };

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
