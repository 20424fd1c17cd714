import { Injectable } from '@nestjs/common';
import { chinaDate } from '@zizhu/identities';
import { type LetterStatus, letterResource } from '@zizhu/outreach';
import { ApiException } from '../../../engine/errors/api.exception';
import { Behaviour, type RecordWrite, type ResourceBehaviour } from '../../../engine/rest/resource-behaviour';
import { letterStateProblem } from './letter-status';

const dateOf = (value: unknown): string | null => (value == null || value === '' ? null : String(value));

/**
 * 致家长的一封信, edited one at a time (its page's form): status and dates must agree, as
 * the bulk mark and the sheet keep them. Letters are made by generation only.
 */
@Injectable()
@Behaviour(letterResource)
export class LetterBehaviour implements ResourceBehaviour {
  async validate({ values, existing }: RecordWrite): Promise<void> {
    const merged = { ...existing, ...values };
    const problem = letterStateProblem(
      { status: merged.status as LetterStatus, deliveredAt: dateOf(merged.deliveredAt), receiptReturnedAt: dateOf(merged.receiptReturnedAt) },
      chinaDate(new Date()),
    );
    if (problem) throw ApiException.validation({ [problem.field]: problem.message });
  }
}
