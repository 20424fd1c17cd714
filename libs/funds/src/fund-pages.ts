import type { PageDeclaration } from '@zizhu/schema';

/** Who reads reconciliation and its exceptions (the funds API answers them, 403 for others). */
export const FUND_READERS = ['admin', 'county', 'inspector', 'finance'] as const;

/** The funds pages of their own, with their menu entries in 资金. */
export const fundPages: readonly PageDeclaration[] = [
  {
    name: 'reconciliation',
    path: '/funds/reconciliation',
    label: { zh: '资金对账', en: 'Reconciliation' },
    icon: 'account_balance',
    roles: FUND_READERS,
    menu: { group: 'funds', order: 1 },
  },
  {
    name: 'fund-exceptions',
    path: '/funds/exceptions',
    label: { zh: '对账异常', en: 'Reconciliation exceptions' },
    icon: 'warning',
    roles: FUND_READERS,
    menu: { group: 'funds', order: 2 },
  },
];
