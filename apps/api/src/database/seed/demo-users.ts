import type { Role } from '@zizhu/schema';

/** Demo accounts, one per role and level (README lists them). Password for all: DEMO_PASSWORD. */
export const DEMO_PASSWORD = 'Zizhu@2026';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Region id, or the county whose first school the user is bound to (role school). */
  regionId: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '市资助中心管理员', role: 'admin', regionId: '450900' },
  { username: 'yuzhou', displayName: '玉州区资助中心', role: 'county', regionId: '450902' },
  { username: 'rongxian', displayName: '容县资助中心', role: 'county', regionId: '450921' },
  { username: 'school1', displayName: '玉州区学校资助专干', role: 'school', regionId: '450902' },
  { username: 'school2', displayName: '容县学校资助专干', role: 'school', regionId: '450921' },
  { username: 'inspector', displayName: '市督查员', role: 'inspector', regionId: '450900' },
  { username: 'finance', displayName: '市财务', role: 'finance', regionId: '450900' },
];
