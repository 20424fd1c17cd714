import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@zizhu/schema';
import type { Request, Response } from 'express';
import { ApiException } from './api.exception';
import { localeOf } from './locale';

const HTTP_MESSAGES: Record<number, { code: string; message: { zh: string; en: string } }> = {
  400: { code: 'BAD_QUERY', message: { zh: '请求参数无效', en: 'Bad request' } },
  404: { code: 'NOT_FOUND', message: { zh: '没有这个地址', en: 'No such address' } },
  413: { code: 'TOO_LARGE', message: { zh: '文件太大', en: 'The file is too large' } },
};

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
      // Framework errors (unknown route, a path id that is not a number, an oversized
      // upload) in the same shape and language as ours.
      const status = exception.getStatus();
      const known = HTTP_MESSAGES[status];
      body = {
        statusCode: status,
        code: known?.code ?? 'HTTP_ERROR',
        message: known ? `${known.message[locale]}${locale === 'zh' ? '（' : ' ('}${exception.message}${locale === 'zh' ? '）' : ')'}` : exception.message,
      };
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
