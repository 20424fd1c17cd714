import { randomBytes } from 'node:crypto';
import { CHALLENGE_TTL_SECONDS, challengeSvg, drawChallenge, verifyChallenge } from './aid-query-challenge';

const key = randomBytes(32);

describe('the aid query’s challenge', () => {
  it('accepts the sum it was drawn for, once signed, until it expires', () => {
    const now = Date.UTC(2026, 4, 20);
    const drawn = drawChallenge(key, now);
    expect(drawn.answer).toBeGreaterThanOrEqual(20);
    expect(drawn.answer).toBeLessThanOrEqual(98);
    const nonce = verifyChallenge(key, drawn.token, ` ${drawn.answer} `, now + 1000);
    expect(nonce).toMatch(/^[\w-]{16}$/);
    expect(verifyChallenge(key, drawn.token, String(drawn.answer + 1), now)).toBeNull();
    expect(verifyChallenge(key, drawn.token, String(drawn.answer), now + CHALLENGE_TTL_SECONDS * 1000 + 1)).toBeNull();
  });

  it('refuses a token signed with another key, or altered', () => {
    const drawn = drawChallenge(key);
    expect(verifyChallenge(randomBytes(32), drawn.token, String(drawn.answer))).toBeNull();
    const [payload, signed] = drawn.token.split('.');
    const longer = Buffer.from(JSON.stringify({ e: Date.now() + 86_400_000, n: 'x' })).toString('base64url');
    expect(verifyChallenge(key, `${longer}.${signed}`, String(drawn.answer))).toBeNull();
    expect(verifyChallenge(key, `${payload}.${signed}.x`, String(drawn.answer))).toBeNull();
    expect(verifyChallenge(key, 'not a token', '42')).toBeNull();
  });

  it('draws the question as strokes, never as text a script could read', () => {
    const drawn = drawChallenge(key);
    const svg = Buffer.from(drawn.image.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<text/);
    // One transformed path per glyph of "12+34=".
    expect((challengeSvg('12+34=').match(/transform=/g) ?? []).length).toBe(6);
  });
});
