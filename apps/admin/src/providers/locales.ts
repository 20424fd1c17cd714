import type { Localized } from '@zizhu/schema';

/** UI locales; the code is also sent as `Accept-Language`, which the API localises errors by. */
export type UiLocale = 'zh-CN' | 'en';

export const DEFAULT_LOCALE: UiLocale = 'zh-CN';

export const UI_LOCALES: { locale: UiLocale; name: string }[] = [
  { locale: 'zh-CN', name: '简体中文' },
  { locale: 'en', name: 'English' },
];

export type Language = keyof Localized;

export function languageOf(locale: string): Language {
  return locale === 'en' ? 'en' : 'zh';
}
