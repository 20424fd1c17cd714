import type { ReactNode } from 'react';
import { useRecordContext } from 'react-admin';

/**
 * Its children only on a record the user may change: the API marks records it serves from
 * above the user's region (a city-wide run, for a county officer) with `writable: false`.
 */
export function WhenWritable({ children }: { children: ReactNode }) {
  const record = useRecordContext();
  return record && record.writable !== false ? <>{children}</> : null;
}
