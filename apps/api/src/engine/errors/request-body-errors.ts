import { ApiException } from './api.exception';
import { isRejectedValue } from './database-error';

/** Largest JSON or form body; bulk data goes through imports (file uploads). */
export const BODY_LIMIT_KB = 100;

/**
 * body-parser's refusals (http-errors with a `type`) and values PostgreSQL refused, as our
 * own exceptions; undefined for anything else.
 */
export function knownRequestError(error: unknown): ApiException | undefined {
  if (error instanceof ApiException) return undefined;
  if (isRejectedValue(error)) {
    return new ApiException('INVALID_VALUE', {
      zh: '提交或查询的值无效（超出范围、日期不存在或含有不可见字符）',
      en: 'A value sent is not valid (out of range, an impossible date, or a hidden character)',
    });
  }
  const type = (error as { type?: unknown })?.type;
  if (typeof type !== 'string') return undefined;
  switch (type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return new ApiException('PAYLOAD_TOO_LARGE', {
        zh: `请求内容过大：JSON 请求体最多 ${BODY_LIMIT_KB} KB（大批数据请用导入）`,
        en: `The request body is over ${BODY_LIMIT_KB} KB, the limit for JSON (use an import for bulk data)`,
      });
    case 'entity.parse.failed':
      return malformedJson();
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ApiException('UNSUPPORTED_BODY', {
        zh: '不支持该请求内容的字符集或压缩方式（请用 UTF-8 与 gzip/deflate/br）',
        en: 'Unsupported body charset or content encoding (use UTF-8 and gzip, deflate or br)',
      });
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return new ApiException('MALFORMED_JSON', { zh: '请求内容不完整或无法读取', en: 'The request body is incomplete or unreadable' });
    default:
      return undefined;
  }
}

export function malformedJson(): ApiException {
  return new ApiException('MALFORMED_JSON', {
    zh: '请求内容不是有效的 JSON 对象或数组',
    en: 'The request body is not a valid JSON object or array',
  });
}

