import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@zizhu/schema';
import type { Request, Response } from 'express';
import { ApiException } from './api.exception';
import { localeOf } from './locale';

/** Maps every error to `{ statusCode, code, message, errors? }` in the caller's language. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const locale = localeOf(request.headers['accept-language']);
    let body: ApiErrorBody;
    if (exception instanceof ApiException) {
      body = { statusCode: exception.status, code: exception.code, message: exception.localized[locale] };
      if (exception.fieldErrors) {
        body.errors = Object.fromEntries(Object.entries(exception.fieldErrors).map(([k, v]) => [k, v[locale]]));
      }
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      body = { statusCode: status, code: status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR', message: exception.message };
    } else {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      body = {
        statusCode: 500,
        code: 'INTERNAL',
        message: locale === 'zh' ? '服务器内部错误，请稍后重试' : 'Internal server error',
      };
    }
    response.status(body.statusCode).json(body);
  }
}
