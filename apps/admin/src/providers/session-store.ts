import type { SessionUser } from '@zizhu/schema';

const TOKEN_KEY = 'zizhu.token';
const USER_KEY = 'zizhu.user';

/** The bearer token and the user it belongs to, kept across reloads. */
export const sessionStore = {
  token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  user(): SessionUser | null {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as SessionUser) : null;
  },
  save(token: string, user: SessionUser): void {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  },
};
