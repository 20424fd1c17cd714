import { DEMO_PASSWORD } from '@zizhu/api/database/seed/demo-users';

/** GET as `token`, the JSON answer; a non-2xx answer throws with its status and body. */
export async function getJson<T = Record<string, unknown>[]>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A session token for a demo account (every demo account has DEMO_PASSWORD). */
export async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** The student list request the panel sends for `query` (each value JSON-encoded), as `token`. */
export function studentList(base: string) {
  return (token: string, query: Record<string, unknown>) => () => {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)]));
    return getJson(`${base}/api/students?${params}`, token);
  };
}
