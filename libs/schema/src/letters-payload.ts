/**
 * What the letters routes and the families' aid query answer, shared by the API and the
 * panel. Money in fen.
 */

/** `GET /api/letters/batch?schoolId&year&term`: where a school's printable letters stand (a JobStatusPayload). */
export interface LetterBatchStatus {
  /** null: not prepared yet (or the letters changed since); `done`: `GET …/batch.pdf` answers with the PDF. */
  status: 'running' | 'done' | 'failed' | null;
  /** Letters of the school and term. */
  letters: number;
  /** Small batches are rendered on request, with no job: always `done` when there are letters. */
  direct: boolean;
  progress?: { percent: number } | null;
  error?: string;
}

/** `POST /api/letters/mark` and the 回执登记表 upload: how many letters each answer changed. */
export interface LetterMarkSummary {
  /** Letters the request named (ids or filter), or rows of the sheet. */
  matched: number;
  delivered: number;
  receiptsReturned: number;
  unchanged: number;
}

/** One payment as the families' own query shows it: nothing else about the student. */
export interface AidQueryPayment {
  program: string;
  year: number;
  /** `spring` | `autumn` | `yearly` */
  term: string;
  /** Fen, net of what was refunded from it. */
  amount: number;
  date: string;
}

/**
 * `POST /api/public/aid-query`: the same answer, `{ payments: [], total: 0 }`, whether the ID
 * number is unknown, the name does not match it, or nothing was paid.
 */
export interface AidQueryAnswer {
  payments: AidQueryPayment[];
  total: number;
}

/** `GET /api/public/aid-query/challenge`: a question drawn as an image, and the signed token to send back with its answer. */
export interface AidQueryChallenge {
  token: string;
  /** An SVG data: URL of the arithmetic question. */
  image: string;
  expiresInSeconds: number;
}
