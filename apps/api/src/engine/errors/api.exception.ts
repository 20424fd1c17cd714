import type { Localized } from '@zizhu/schema';

export type ApiErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_QUERY'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'SESSION_REVOKED'
  | 'TOO_MANY_ATTEMPTS'
  | 'FORBIDDEN'
  | 'OUT_OF_SCOPE'
  | 'NOT_FOUND'
  | 'STALE_VERSION'
  | 'IN_USE'
  | 'INVALID_VALUE'
  | 'MALFORMED_JSON'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_BODY'
  | 'PDF_UNAVAILABLE'
  | 'PDF_TIMEOUT'
  | 'NOT_READY'
  | 'CHALLENGE_REQUIRED';

const STATUS: Record<ApiErrorCode, number> = {
  VALIDATION_FAILED: 422,
  BAD_QUERY: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_REVOKED: 401,
  TOO_MANY_ATTEMPTS: 429,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  IN_USE: 409,
  INVALID_VALUE: 400,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_BODY: 415,
  PDF_UNAVAILABLE: 503,
  PDF_TIMEOUT: 504,
  // A generated document (a report, a letters batch) asked for before its job has written it.
  NOT_READY: 409,
  CHALLENGE_REQUIRED: 428,
};

/** The API's one exception: a string code, a localised message, and field errors. */
export class ApiException extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    readonly localized: Localized,
    readonly fieldErrors?: Record<string, Localized>,
  ) {
    super(localized.en);
    this.status = STATUS[code];
  }

  static validation(fieldErrors: Record<string, Localized>): ApiException {
    return new ApiException(
      'VALIDATION_FAILED',
      { zh: '提交的内容有误，请按提示修改', en: 'Some fields need attention' },
      fieldErrors,
    );
  }

  static notFound(): ApiException {
    return new ApiException('NOT_FOUND', { zh: '记录不存在或不在您的管辖范围内', en: 'No such record in your scope' });
  }

  static forbidden(): ApiException {
    return new ApiException('FORBIDDEN', { zh: '您的角色无权执行此操作', en: 'Your role may not do this' });
  }

  static outOfScope(): ApiException {
    return new ApiException('OUT_OF_SCOPE', {
      zh: '该数据不在您的管辖范围内',
      en: 'This data lies outside your region',
    });
  }

  static badQuery(en: string, zh: string): ApiException {
    return new ApiException('BAD_QUERY', { zh, en });
  }
}
