import type { SchemaPayload } from '@zizhu/schema';
import { type RaRecord, useGetList, usePermissions } from 'react-admin';

/** The user's role, and for a school officer their one school (the only one their region holds). */
export function useOwnSchool(): { role: string | undefined; regionId: string | undefined; school: RaRecord | null } {
  const { permissions } = usePermissions<SchemaPayload | null>();
  const role = permissions?.user.role;
  const { data } = useGetList('schools', { pagination: { page: 1, perPage: 1 } }, { enabled: role === 'school' });
  const regionId = permissions?.user.scopePath.split('.').filter(Boolean).pop();
  return { role, regionId: role === 'school' ? undefined : regionId, school: role === 'school' ? (data?.[0] ?? null) : null };
}
