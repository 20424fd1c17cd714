import type { ApiErrorBody, ResourceSchema } from '@zizhu/schema';
import { useCallback } from 'react';
import { HttpError, useNotify, useTranslate } from 'react-admin';
import type { FormMode } from './field-input';
import { fieldLabelKey } from './schema-messages';

/**
 * Save failures as the officer should see them. Errors keyed by an input stay on that input
 * (react-admin does it); the toast carries the server's summary, plus any error that has no
 * input to sit on (e.g. `version`), and a 409's "changed by someone else" message.
 */
export function useSaveErrorHandler(schema: ResourceSchema, mode: FormMode): (error: unknown) => void {
  const notify = useNotify();
  const translate = useTranslate();
  return useCallback(
    (error: unknown) => {
      const body = error instanceof HttpError ? (error.body as Partial<ApiErrorBody> | null) : null;
      const onInputs = new Set(
        schema.fields.filter((field) => !field.readOnly && !(mode === 'edit' && field.immutable)).map((field) => field.key),
      );
      // `tiers.1.amount` sits on an input inside the `tiers` list.
      const elsewhere = Object.entries(body?.errors ?? {})
        .filter(([key]) => !onInputs.has(key.split('.')[0]))
        .map(([key, text]) => {
          const known = schema.fields.some((field) => field.key === key);
          return known ? `${translate(fieldLabelKey(schema.name, key))}：${text}` : text;
        });
      const summary = body?.message ?? (error instanceof Error ? error.message : '');
      const message = [summary, ...elsewhere].filter(Boolean).join(' — ') || 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message }, multiLine: elsewhere.length > 0 });
    },
    [mode, notify, schema, translate],
  );
}
