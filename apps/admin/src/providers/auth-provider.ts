import type { LoginResponse, SchemaPayload, SessionUser } from '@zizhu/schema';
import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import { clearSchema, loadSchema } from '../schema/use-schema';
import { API_URL, httpClient } from './http-client';
import { sessionStore } from './session-store';

export interface ZizhuIdentity extends UserIdentity {
  user: SessionUser;
}

function statusOf(error: unknown): number | undefined {
  return error instanceof HttpError ? error.status : undefined;
}

/** Bearer-token auth; the permissions are the schema payload, so resources follow the role. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    clearSchema();
    const { json } = await httpClient<LoginResponse>(`${API_URL}/auth/login`, {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
    sessionStore.save(json.token, json.user);
  },
  async logout() {
    sessionStore.clear();
    clearSchema();
  },
  async checkAuth() {
    // `message: false`: a first visit goes to the login page without an error toast.
    if (!sessionStore.token()) throw { message: false };
  },
  async checkError(error: unknown) {
    // react-admin then shows the API's reason (请先登录, or that the password, role or
    // account changed) and logs out, which clears the session. Clearing it here first would
    // make react-admin skip the message.
    if (statusOf(error) === 401) throw error;
  },
  async getIdentity(): Promise<ZizhuIdentity> {
    const { json: user } = await httpClient<SessionUser>(`${API_URL}/auth/me`);
    return { id: user.id, fullName: user.displayName, user };
  },
  async getPermissions(): Promise<SchemaPayload | null> {
    return sessionStore.token() ? loadSchema() : null;
  },
};
