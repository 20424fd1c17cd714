import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from './password';

/**
 * Checks a login's password so that every attempt costs one full argon2 verification: an
 * unknown, deactivated or password-less user is checked against a dummy hash, so the
 * answer's timing does not tell which usernames exist.
 */
@Injectable()
export class PasswordVerifier {
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  /** `stored` is null when there is no user (or none that may log in). */
  async verify(stored: string | null, plain: string): Promise<boolean> {
    const matches = await this.argon2Verify(stored ?? (await this.dummyHash), plain);
    return stored !== null && matches;
  }

  /** The argon2 verification itself (a seam the specs observe). */
  argon2Verify(digest: string, plain: string): Promise<boolean> {
    return verifyPassword(digest, plain);
  }
}
