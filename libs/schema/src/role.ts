/** The roles a user can hold. Each user also has one node of the region tree as scope. */
export const ROLES = ['admin', 'county', 'school', 'inspector', 'finance'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, Localized> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  county: { zh: '区县资助中心', en: 'County officer' },
  school: { zh: '学校资助专干', en: 'School officer' },
  inspector: { zh: '督查员', en: 'Inspector' },
  finance: { zh: '财务', en: 'Finance' },
};

/** Text shown to users, in Simplified Chinese (default) and English. */
export interface Localized {
  zh: string;
  en: string;
}
