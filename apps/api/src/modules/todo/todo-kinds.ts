import type { Role } from '@zizhu/schema';
import type { TodoContext } from './todo-context';

/** A filter in the list protocol's own terms (`GET /api/<resource>?filter=…`). */
export type ListFilter = Record<string, unknown>;

/**
 * Where a to-do item leads and how it is counted. A resource list is counted by the list
 * itself (the same parser, scope and count as `GET /api/<resource>`), so the number on the
 * home page is the number of rows the link opens. A page of its own counts with its service.
 */
export type TodoTarget =
  | {
      kind: 'list';
      resource: string;
      filter(context: TodoContext): ListFilter | Promise<ListFilter>;
      /** The item's due date: the earliest value of this date field over the listed rows (`via` a reference field: of the referenced rows). */
      dueDate?: { field: string; via?: string };
    }
  | { kind: 'page'; path: string; query: Record<string, string>; count(context: TodoContext): Promise<number> };

export interface TodoKind {
  kind: string;
  roles: readonly Role[];
  target: TodoTarget;
}

/** How far ahead a closing application window shows up on a school's home page. */
export const CLOSING_WINDOW_DAYS = 14;

/**
 * Every to-do kind, declared once: who sees it, what it counts, what it opens. The panel
 * labels a kind by its name (`zizhu.todo.kinds.<kind>`).
 */
export const TODO_KINDS: readonly TodoKind[] = [
  {
    kind: 'resultsToVerify',
    roles: ['school'],
    target: { kind: 'list', resource: 'comparison-results', filter: () => ({ decision: 'pending' }), dueDate: { via: 'comparisonId', field: 'deadline' } },
  },
  {
    kind: 'rostersReturned',
    roles: ['school'],
    target: { kind: 'list', resource: 'rosters', filter: () => ({ status: 'returned' }), dueDate: { field: 'deadline' } },
  },
  {
    kind: 'cluesAssigned',
    roles: ['school'],
    // New clues and answers the county sent back: both wait for the school.
    target: { kind: 'list', resource: 'clues', filter: () => ({ status: ['open', 'returned'] }), dueDate: { field: 'dueDate' } },
  },
  {
    kind: 'applicationsClosing',
    roles: ['school'],
    target: {
      kind: 'list',
      resource: 'rosters',
      filter: (c) => ({ stepRole: c.user.role, stepLevel: c.level, deadline_gte: c.today, deadline_lte: c.daysFromToday(CLOSING_WINDOW_DAYS) }),
      dueDate: { field: 'deadline' },
    },
  },
  {
    kind: 'omissionsToReview',
    roles: ['county'],
    target: { kind: 'list', resource: 'omissions', filter: () => ({ status: 'pending' }) },
  },
  {
    kind: 'rostersWaiting',
    roles: ['county', 'finance'],
    target: { kind: 'list', resource: 'rosters', filter: (c) => ({ stepRole: c.user.role, stepLevel: c.level }), dueDate: { field: 'deadline' } },
  },
  {
    kind: 'schoolsBehind',
    roles: ['county'],
    target: { kind: 'list', resource: 'schools', filter: async (c) => ({ id: await c.schoolsBehindOnVerification() }) },
  },
  {
    kind: 'overduePayments',
    roles: ['county'],
    target: { kind: 'list', resource: 'rosters', filter: async (c) => ({ id: await c.overdueRosterIds() }), dueDate: { field: 'deadline' } },
  },
  {
    kind: 'cluesPastDue',
    roles: ['county'],
    // Past their due date and not closed, whoever holds them (the clue's own overdue flag).
    target: { kind: 'list', resource: 'clues', filter: () => ({ overdue: true }), dueDate: { field: 'dueDate' } },
  },
  {
    kind: 'cluesToReview',
    roles: ['county'],
    target: { kind: 'list', resource: 'clues', filter: () => ({ status: 'answered' }), dueDate: { field: 'dueDate' } },
  },
  {
    kind: 'batchesAwaitingBank',
    roles: ['finance'],
    target: { kind: 'list', resource: 'disbursement-batches', filter: async (c) => ({ id: await c.batchesWithPendingLines() }) },
  },
  {
    kind: 'exceptionsUnexplained',
    roles: ['finance'],
    target: { kind: 'page', path: '/funds/exceptions', query: { explained: 'no' }, count: (c) => c.unexplainedExceptions() },
  },
  {
    kind: 'runsInProgress',
    roles: ['admin'],
    target: { kind: 'list', resource: 'comparisons', filter: () => ({ status: 'running' }) },
  },
  {
    kind: 'importsFailed',
    roles: ['admin'],
    target: { kind: 'list', resource: 'imports', filter: () => ({ status: 'failed' }) },
  },
];
