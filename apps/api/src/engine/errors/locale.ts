import type { Localized } from '@zizhu/schema';

export type Locale = keyof Localized;

/** zh unless the client asks for English first (the panel sends its UI locale). */
export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}
