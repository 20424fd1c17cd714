import { DEMO_PASSWORD } from '@zizhu/api/database/seed/demo-users';

/** GET as `token`, the JSON answer; a non-2xx answer throws with its status and body. */
export async function getJson<T = Record<string, unknown>[]>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Readers of the student list, each with the first record it sees as read in full (unmasked)
 * by `wide`, an officer over all of them.
 */
export async function listReaders(base: string, wide: string, readers: [string, string][]): Promise<{ name: string; token: string; sample: Record<string, unknown> }[]> {
  const out = [];
  for (const [name, token] of readers) {
    const [first] = await getJson(`${base}/api/students?range=[0,0]`, token);
    out.push({ name, token, sample: await getJson<Record<string, unknown>>(`${base}/api/students/${String(first.id)}`, wide) });
  }
  return out;
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
