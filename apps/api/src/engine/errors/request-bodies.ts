import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../rest/value-checks';
import { errorBody, isClientHttpError } from './api-exception.filter';
import { ApiException } from './api.exception';
import { localeOf } from './locale';
import { BODY_LIMIT_KB, knownRequestError } from './request-body-errors';

/**
 * JSON and form bodies (at most BODY_LIMIT_KB), and their refusals answered right
 * away in the API's shape: left to travel down express's error chain, the panel's static
 * fallback turns any error under /api into a 404. Registered before Nest's own parsers,
 * which then skip (they are found by name).
 */
export function useRequestBodies(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: `${BODY_LIMIT_KB}kb` });
  express.useBodyParser('urlencoded', { extended: true, limit: `${BODY_LIMIT_KB}kb` });
  // Module routes read bodies themselves: absurd nesting (40 KB of `[`) would overflow the
  // stack of whatever walks it first (String(), JSON.stringify), so it stops here.
  express.use((request: Request, response: Response, next: NextFunction) => {
    if (!nestsDeeperThan(request.body, MAX_JSON_DEPTH + 1)) return next();
    const body = errorBody(tooDeep(), localeOf(request.headers['accept-language']));
    response.status(body.statusCode).json(body);
  });
  express.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!knownRequestError(error) && !isClientHttpError(error)) return next(error);
    const body = errorBody(error, localeOf(request.headers['accept-language']));
    response.status(body.statusCode).json(body);
  });
}

function tooDeep(): ApiException {
  return new ApiException('MALFORMED_JSON', {
    zh: `请求内容嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`,
    en: `The request body nests deeper than ${MAX_JSON_DEPTH} levels`,
  });
}
