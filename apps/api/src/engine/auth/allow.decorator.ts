import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { ResourceAction, ResourceDeclaration, Role } from '@zizhu/schema';

export const ALLOWED_ROLES = 'zizhu:allowed-roles';
export const ROUTE_RESOURCE = 'zizhu:route-resource';
export const ROUTE_RESOURCE_ACTION = 'zizhu:route-resource-action';

/** The roles that may call a route (or every route of a controller); others hear 403. */
export const Allow = (...roles: readonly Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** On a controller: the resource its routes serve (the generic routes of one declaration). */
export const RouteResource = (resource: ResourceDeclaration) => SetMetadata(ROUTE_RESOURCE, resource);

/** On a route of a `RouteResource` controller: the declaration's `access[action]` decides who may call it. */
export const ResourceAccess = (action: ResourceAction) => SetMetadata(ROUTE_RESOURCE_ACTION, action);

/**
 * Who may call the route being handled, from its declared permission: `@Allow` on the
 * route or its controller, else the resource's access for the route's action; undefined
 * when the route declares none (any signed-in user; the service narrows by scope).
 */
export function allowedRoles(reflector: Reflector, context: ExecutionContext): readonly Role[] | undefined {
  const targets = [context.getHandler(), context.getClass()];
  const roles = reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets);
  if (roles) return roles;
  const action = reflector.get<ResourceAction | undefined>(ROUTE_RESOURCE_ACTION, context.getHandler());
  const resource = reflector.get<ResourceDeclaration | undefined>(ROUTE_RESOURCE, context.getClass());
  return action && resource ? resource.access[action] : undefined;
}
