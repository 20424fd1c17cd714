import type { Localized, Role } from './role';

/** The panel menu's groups, by area of work, in menu order. */
export const MENU_GROUPS = ['students', 'comparison', 'programs', 'funds', 'checks', 'tasks', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export const MENU_GROUP_LABELS: Record<MenuGroup, Localized> = {
  students: { zh: '学生与学校', en: 'Students and schools' },
  comparison: { zh: '大数据比对', en: 'Big-data comparison' },
  programs: { zh: '资助项目与名单', en: 'Programs and rosters' },
  funds: { zh: '资金', en: 'Funds' },
  checks: { zh: '督查检查', en: 'Checks and inspections' },
  tasks: { zh: '工作计划与告知', en: 'Work plans and notices' },
  system: { zh: '系统', en: 'System' },
};

/** Where an entry sits in the menu: its group, and its place in the group (ascending). */
export interface MenuPlacement {
  group: MenuGroup;
  order: number;
}

/**
 * A page of its own (not a generated resource list) that has a menu entry: who may open it
 * (the roles its API answers), where it lives in the panel and in the menu.
 */
export interface PageDeclaration {
  name: string;
  /** The panel route. */
  path: string;
  label: Localized;
  icon: string;
  roles: readonly Role[];
  menu: MenuPlacement;
}

/** A page as `GET /api/schema` lists it for a role that may open it. */
export type PageSchema = Omit<PageDeclaration, 'roles'>;
