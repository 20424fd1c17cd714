import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiException } from '../errors/api.exception';
import { INT4_MAX } from './value-checks';

/**
 * A record id in a path: digits (else 400), naming a row an `integer` id column could hold
 * (else 404 — `2147483648` is no record, not a database error).
 */
export function parseRecordId(text: string): number {
  if (!/^\d+$/.test(text)) throw ApiException.badQuery('Bad request: the id must be a positive whole number', '请求参数无效：编号应为正整数');
  const id = Number(text);
  if (id < 1 || id > INT4_MAX) throw ApiException.notFound();
  return id;
}

/** `@Param('id', RecordIdPipe) id: number` */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    return parseRecordId(value);
  }
}

/** The same check for services that take the id as text. */
@Injectable()
export class RecordIdTextPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    return String(parseRecordId(value));
  }
}
