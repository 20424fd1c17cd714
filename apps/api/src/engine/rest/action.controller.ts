import { Body, Controller, HttpCode, Inject, Param, Post, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@zizhu/schema';
import { Allow } from '../auth/allow.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { declaredBody } from './declared-body';
import { RecordIdTextPipe } from './record-id.pipe';
import { behaviourActions, behaviourResource } from './resource-behaviour';

type ActionMethod = (id: string, body: object, user: SessionUser) => Promise<unknown>;

/**
 * The routes of a behaviour's actions, `POST /:resource/:id/<name>` each: the declared
 * roles (403 before the body is read), the id (400/404), the declared body (422 per field),
 * then the behaviour's method. A module lists `actionController(ItsBehaviour)` among its
 * controllers; the paths are literal, so they never meet a generic route.
 */
export function actionController(behaviour: Type<object>): Type<unknown> {
  const resource = behaviourResource(behaviour);

  @ApiTags(resource.name)
  @ApiBearerAuth()
  @Controller(resource.name)
  class Actions {
    constructor(@Inject(behaviour) readonly target: object) {}
  }

  for (const action of behaviourActions(behaviour)) {
    const handler = async function (this: Actions, id: string, body: unknown, user: SessionUser): Promise<unknown> {
      const method = (this.target as Record<string, ActionMethod>)[action.method];
      return method.call(this.target, id, await declaredBody(action.body, body), user);
    };
    const key = `action:${action.name}`;
    Object.defineProperty(Actions.prototype, key, { value: handler, writable: true });
    const descriptor = Object.getOwnPropertyDescriptor(Actions.prototype, key)!;
    for (const decorate of [Post(`:id/${action.name}`), HttpCode(action.status ?? 200), Allow(...action.allow), ApiOperation({ summary: action.summary })]) {
      decorate(Actions.prototype, key, descriptor);
    }
    Param('id', RecordIdTextPipe)(Actions.prototype, key, 0);
    Body()(Actions.prototype, key, 1);
    CurrentUser()(Actions.prototype, key, 2);
  }
  Object.defineProperty(Actions, 'name', { value: `${behaviour.name}Actions` });
  return Actions;
}
