import type { PageDeclaration } from '@zizhu/schema';

/** The coverage page (告知覆盖) and who may open it: the roles `GET /api/outreach-coverage` answers. */
export const followUpPages: readonly PageDeclaration[] = [
  {
    name: 'outreach-coverage',
    path: '/outreach/coverage',
    label: { zh: '告知覆盖情况', en: 'Outreach coverage' },
    icon: 'donut_small',
    roles: ['admin', 'county', 'inspector', 'school'],
    menu: { group: 'tasks', order: 35 },
  },
];
