import type { Role } from '@zizhu/schema';

/** Who may call each funds route beside the generic REST (the region scope narrows them further). */
export const FUND_ROLES = {
  /** Reconciliation, its exceptions and overdue payments. */
  read: ['admin', 'county', 'inspector', 'finance'],
  explain: ['admin', 'finance'],
  openClue: ['admin', 'county', 'finance'],
  bankResult: ['admin', 'finance'],
  /** Only finance sends money to the bank (full account numbers); admin configures, it does not pay. */
  bankFile: ['finance'],
  reissue: ['admin', 'finance'],
} as const satisfies Record<string, readonly Role[]>;
