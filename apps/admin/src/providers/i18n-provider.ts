import chineseMessages from '@haxqer/ra-language-chinese';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { appMessages } from './app-messages';
import { DEFAULT_LOCALE, languageOf, UI_LOCALES, type Language } from './locales';
import { mergeMessages } from './merge-messages';

/** The Chinese catalogue dates from react-admin 4: laid over English, missing keys fall back. */
const BASE: Record<Language, TranslationMessages> = {
  zh: mergeMessages(englishMessages, chineseMessages, appMessages('zh')),
  en: mergeMessages(englishMessages, appMessages('en')),
};

/** A feature's texts in one language, under `zizhu.*` (e.g. `{ funds: {...} }`). */
export type FeatureMessages = (lang: Language) => object;

/** Chinese has one plural form in polyglot, which would pick "选中1项" for any count. */
const POLYGLOT_OPTIONS = {
  pluralRules: {
    pluralTypes: { oneOther: (n: number): number => (n === 1 ? 0 : 1) },
    pluralTypeToLanguages: { oneOther: ['en', 'zh'] },
  },
};

let featureMessages: Record<Language, TranslationMessages> = BASE;
let schemaMessages: Record<Language, object> = { zh: {}, en: {} };

const messagesFor = (locale: string): TranslationMessages =>
  mergeMessages(featureMessages[languageOf(locale)], schemaMessages[languageOf(locale)]);

const build = (locale: string): I18nProvider =>
  polyglotI18nProvider(messagesFor, locale, UI_LOCALES, POLYGLOT_OPTIONS);

let current = build(DEFAULT_LOCALE);

/**
 * Delegates to a polyglot provider that is rebuilt when the schema's labels arrive, so
 * `resources.<name>.fields.<key>` keys exist before the generated views render.
 */
export const i18nProvider: I18nProvider = {
  translate: (key, options) => current.translate(key, options),
  changeLocale: (locale, options) => current.changeLocale(locale, options),
  getLocale: () => current.getLocale(),
  getLocales: () => UI_LOCALES,
};

/** The features' texts, registered once at start-up by the composition root (features.ts). */
export function registerFeatureMessages(...features: FeatureMessages[]): void {
  const withFeatures = (lang: Language) => mergeMessages(BASE[lang], ...features.map((texts) => ({ zizhu: texts(lang) })));
  featureMessages = { zh: withFeatures('zh'), en: withFeatures('en') };
  current = build(current.getLocale());
}

export function registerSchemaMessages(messages: Record<Language, object>): void {
  schemaMessages = messages;
  current = build(current.getLocale());
}
