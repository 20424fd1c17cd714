import type { ImportMode, ImportStatus } from '@zizhu/schema';
import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { choiceKey } from '../schema/schema-messages';
import { IMPORTS_RESOURCE } from './import-api';

/**
 * Status and mode names as the import history (the `imports` resource's schema) shows them,
 * so the job page and the history use the same words; the panel's own when it has no history.
 */
export function useImportLabels(): { status(status: ImportStatus): string; mode(mode: ImportMode): string } {
  const translate = useTranslate();
  const status = useCallback(
    (value: ImportStatus) =>
      translate(choiceKey(IMPORTS_RESOURCE, 'status', value), { _: translate(`zizhu.import.statuses.${value}`) }),
    [translate],
  );
  const mode = useCallback(
    (value: ImportMode) => translate(choiceKey(IMPORTS_RESOURCE, 'mode', value), { _: translate(`zizhu.import.modes.${value}`) }),
    [translate],
  );
  return { status, mode };
}
