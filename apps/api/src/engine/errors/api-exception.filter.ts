import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@zizhu/schema';
import type { Request, Response } from 'express';
import { ApiException } from './api.exception';
import { type Locale, localeOf } from './locale';
import { knownRequestError } from './request-body-errors';

const HTTP_MESSAGES: Record<number, { code: string; message: { zh: string; en: string } }> = {
  400: { code: 'BAD_QUERY', message: { zh: '请求参数无效', en: 'Bad request' } },
  404: { code: 'NOT_FOUND', message: { zh: '没有这个地址', en: 'No such address' } },
  413: { code: 'TOO_LARGE', message: { zh: '文件太大', en: 'The file is too large' } },
  415: { code: 'UNSUPPORTED_BODY', message: { zh: '不支持的请求内容', en: 'Unsupported request body' } },
};

const logger = new Logger('ApiExceptionFilter');

/** Maps every error to `{ statusCode, code, message, errors? }` in the caller's language. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const body = errorBody(exception, localeOf(request.headers['accept-language']));
    http.getResponse<Response>().status(body.statusCode).json(body);
  }
}

/** The one error shape, for the filter and for middleware that answers before routing. */
export function errorBody(thrown: unknown, locale: Locale): ApiErrorBody {
  const exception = knownRequestError(thrown) ?? thrown;
  if (exception instanceof ApiException) {
    const body: ApiErrorBody = { statusCode: exception.status, code: exception.code, message: exception.localized[locale] };
    if (exception.fieldErrors) {
      body.errors = Object.fromEntries(Object.entries(exception.fieldErrors).map(([k, v]) => [k, v[locale]]));
    }
    return body;
  }
  if (exception instanceof HttpException) {
    // Framework errors (unknown route, a path id that is not a number, an oversized
    // upload) in the same shape and language as ours.
    const status = exception.getStatus();
    const known = HTTP_MESSAGES[status];
    return {
      statusCode: status,
      code: known?.code ?? 'HTTP_ERROR',
      message: known ? `${known.message[locale]}${locale === 'zh' ? '（' : ' ('}${exception.message}${locale === 'zh' ? '）' : ')'}` : exception.message,
    };
  }
  if (isClientHttpError(exception)) {
    // Any other http-errors refusal from express middleware: its status, our shape.
    const known = HTTP_MESSAGES[exception.status];
    return { statusCode: exception.status, code: known?.code ?? 'HTTP_ERROR', message: known?.message[locale] ?? exception.message };
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return { statusCode: 500, code: 'INTERNAL', message: locale === 'zh' ? '服务器内部错误，请稍后重试' : 'Internal server error' };
}

/** An http-errors 4xx that declares its message safe to show (`expose`). */
export function isClientHttpError(error: unknown): error is { status: number; message: string } {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}
