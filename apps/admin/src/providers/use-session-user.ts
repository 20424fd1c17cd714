import type { SessionUser } from '@zizhu/schema';
import { useGetIdentity } from 'react-admin';
import type { ZizhuIdentity } from './auth-provider';

/** The logged-in officer, as `GET /api/auth/me` describes them. */
export function useSessionUser(): SessionUser | undefined {
  const { identity } = useGetIdentity();
  return (identity as ZizhuIdentity | undefined)?.user;
}
