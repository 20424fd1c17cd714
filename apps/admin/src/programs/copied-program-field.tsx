import type { FieldSchema } from '@zizhu/schema';
import { ResourceContextProvider } from 'react-admin';
import { FieldDisplay } from '../schema/field-display';
import { useResourceSchema } from '../schema/use-schema';
import { PROGRAMS_RESOURCE } from './roster-api';

/**
 * A roster's copy of a program field (tiers, extra fields, chain, rule), shown the way the
 * program's own declaration says (a table, a rule sentence) rather than as raw JSON.
 */
export function CopiedProgramField({ field, source }: { field: FieldSchema; source: string }) {
  const original = useResourceSchema(PROGRAMS_RESOURCE)?.fields.find((candidate) => candidate.key === field.key && candidate.shape);
  if (!original) return <FieldDisplay field={field} source={source} />;
  return (
    <ResourceContextProvider value={PROGRAMS_RESOURCE}>
      <FieldDisplay field={original} source={source} />
    </ResourceContextProvider>
  );
}
