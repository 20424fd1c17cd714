import { argon2id, hash, needsRehash as argon2NeedsRehash, verify } from 'argon2';

/**
 * argon2id at OWASP's first recommended setting (m = 19 MiB, t = 2, p = 1): about a fifth of
 * the library default's memory and time, so fifty simultaneous logins no longer queue for
 * seconds. Hashes made with other parameters still verify and are replaced at the next login.
 */
export const ARGON2_PARAMETERS = { type: argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2_PARAMETERS);
}

export async function verifyPassword(hashed: string | null, plain: string): Promise<boolean> {
  if (!hashed) return false;
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's. */
export function needsRehash(hashed: string): boolean {
  try {
    return argon2NeedsRehash(hashed, ARGON2_PARAMETERS);
  } catch {
    return false;
  }
}
