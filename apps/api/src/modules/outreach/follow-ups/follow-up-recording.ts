import { formatYuan, type Localized } from '@zizhu/schema';
import { FOLLOW_UP_MESSAGES as M } from './follow-up-messages';

type Row = Record<string, unknown>;

/** A contact time a few minutes ahead is a clock out of step, not a contact in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** What the recording rules need to know besides the follow-up as it would be stored. */
export interface RecordingContext {
  now: Date;
  /** The content type of the photo named by `evidenceFileId` (null: no such file). */
  photoType: string | null;
}

const blank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && !value.trim());

/**
 * What is wrong with a follow-up as it would be recorded (the stored row with the change
 * applied), keyed by field: when it happened (not in the future); whether the family was
 * reached; a family not reached needs the reason; a family reached needs whom the officer spoke
 * with, whether they knew the policy, the amount check and the satisfaction; an amount said to differ needs the family's figure, which must differ from
 * what was paid; a home visit needs its photo (an image). Once a clue was opened on the
 * amount, the amount check no longer changes.
 */
export function recordingProblems(next: Row, before: Row, context: RecordingContext): Record<string, Localized> {
  const problems: Record<string, Localized> = {};
  if (blank(next.contactedAt)) problems.contactedAt = M.contactedAtRequired;
  else if (new Date(String(next.contactedAt)).getTime() > context.now.getTime() + CLOCK_SKEW_MS) problems.contactedAt = M.contactedAtFuture;

  // Yes/no answers are stored as such: sent empty, they are unanswered.
  if (next.reached !== true && next.reached !== false) problems.reached = M.reachedRequired;
  else if (next.reached) {
    if (next.knewPolicy !== true && next.knewPolicy !== false) problems.knewPolicy = M.knewPolicyRequired;
    if (blank(next.contactName)) problems.contactName = M.contactNameRequired;
    if (blank(next.amountCheck)) problems.amountCheck = M.amountCheckRequired;
    if (blank(next.satisfaction)) problems.satisfaction = M.satisfactionRequired;
    if (next.amountCheck === 'different') {
      if (blank(next.reportedAmount)) problems.reportedAmount = M.reportedAmountRequired;
      else if (Number(next.reportedAmount) === Number(next.amountPaid)) problems.reportedAmount = M.reportedAmountSame(formatYuan(Number(next.amountPaid)));
    }
  } else if (blank(next.notes)) {
    problems.notes = M.whyNotReached;
  }

  if (next.kind === 'visit') {
    if (blank(next.evidenceFileId)) problems.evidenceFileId = M.photoRequired;
    else if (!isPhoto(context.photoType)) problems.evidenceFileId = M.photoNotImage;
  }

  if (before.clueId != null) {
    const stored = { ...next, ...recordedValues(next, 0) };
    if (stored.amountCheck !== before.amountCheck || Number(stored.reportedAmount) !== Number(before.reportedAmount)) problems.amountCheck = M.clueOpened(Number(before.clueId));
  }
  return problems;
}

/**
 * What the server stores with a recording: done, by whom; answers that do not apply are
 * cleared (a family not reached answered nothing; a matching amount has no family figure).
 */
export function recordedValues(next: Row, userId: number): Row {
  const values: Row = { status: 'done', recordedBy: userId };
  if (next.reached !== true) Object.assign(values, { knewPolicy: false, amountCheck: null, reportedAmount: null, satisfaction: null });
  else if (next.amountCheck !== 'different') values.reportedAmount = null;
  return values;
}

function isPhoto(contentType: string | null): boolean {
  return contentType === 'image/jpeg' || contentType === 'image/png';
}
