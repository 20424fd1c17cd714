import type { EnumOption } from './field';

/** 学段 */
export const STAGES: readonly EnumOption[] = [
  { value: 'preschool', label: { zh: '学前', en: 'Preschool' } },
  { value: 'primary', label: { zh: '小学', en: 'Primary' } },
  { value: 'junior', label: { zh: '初中', en: 'Junior secondary' } },
  { value: 'senior', label: { zh: '普高', en: 'General high school' } },
  { value: 'vocational', label: { zh: '中职', en: 'Secondary vocational' } },
  { value: 'higher', label: { zh: '高校', en: 'Higher education' } },
];

export const GENDERS: readonly EnumOption[] = [
  { value: 'male', label: { zh: '男', en: 'Male' } },
  { value: 'female', label: { zh: '女', en: 'Female' } },
];
