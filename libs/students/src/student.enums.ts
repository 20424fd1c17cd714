import type { EnumOption } from '@zizhu/schema';

/** 学籍状态 */
export const STUDENT_STATUSES: readonly EnumOption[] = [
  { value: 'enrolled', label: { zh: '在读', en: 'Enrolled' } },
  { value: 'suspended', label: { zh: '休学', en: 'Suspended' } },
  { value: 'transferred', label: { zh: '转出', en: 'Transferred out' } },
  { value: 'graduated', label: { zh: '毕业', en: 'Graduated' } },
  { value: 'dropped', label: { zh: '辍学', en: 'Dropped out' } },
];
