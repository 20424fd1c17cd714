import type { TranslationMessages } from 'react-admin';

type Messages = { [key: string]: string | Messages };

function isMessages(value: unknown): value is Messages {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(target: Messages, source: Messages): Messages {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = isMessages(value) && isMessages(current) ? mergeInto({ ...current }, value) : value;
  }
  return target;
}

/** Deep merge: later catalogues win key by key, so a partial one falls back to the earlier. */
export function mergeMessages(base: TranslationMessages, ...overrides: object[]): TranslationMessages {
  const merged = overrides.reduce<Messages>(
    (acc, next) => mergeInto(acc, next as Messages),
    mergeInto({}, base as unknown as Messages),
  );
  return merged as unknown as TranslationMessages;
}
