import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a drawn question may be answered. */
export const CHALLENGE_TTL_SECONDS = 300;

export interface DrawnChallenge {
  /** `<payload>.<signature>`: the payload says when it expires and its nonce; the signature binds the answer. */
  token: string;
  /** SVG data: URL of the question. */
  image: string;
  /** The sum; known only to the server (the token holds its HMAC, not the number). */
  answer: number;
}

interface TokenPayload {
  /** Expiry, epoch ms. */
  e: number;
  /** Nonce: each token is accepted once. */
  n: string;
}

function signature(key: Buffer, payload: string, answer: string): Buffer {
  return createHmac('sha256', key).update(`${payload}.${answer}`).digest();
}

/**
 * A sum of two numbers (10–49 each) drawn as an image, and a token signed with the server's
 * key over the answer: the server keeps no state until the answer comes back.
 */
export function drawChallenge(key: Buffer, now = Date.now()): DrawnChallenge {
  const a = randomInt(10, 50);
  const b = randomInt(10, 50);
  const payload = Buffer.from(JSON.stringify({ e: now + CHALLENGE_TTL_SECONDS * 1000, n: randomBytes(12).toString('base64url') } satisfies TokenPayload)).toString('base64url');
  const token = `${payload}.${signature(key, payload, String(a + b)).toString('base64url')}`;
  return { token, image: `data:image/svg+xml;base64,${Buffer.from(challengeSvg(`${a}+${b}=`)).toString('base64')}`, answer: a + b };
}

/**
 * The token's nonce when `answer` is what it was signed over and it has not expired; null
 * otherwise. (Single use is the caller's: it remembers nonces until they expire.)
 */
export function verifyChallenge(key: Buffer, token: string, answer: string, now = Date.now()): string | null {
  const [payload, signed, extra] = token.split('.');
  if (!payload || !signed || extra !== undefined) return null;
  const given = Buffer.from(signed, 'base64url');
  const expected = signature(key, payload, answer.trim().replace(/^0+(?=\d)/, ''));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenPayload>;
    return typeof parsed.e === 'number' && parsed.e > now && typeof parsed.n === 'string' ? parsed.n : null;
  } catch {
    return null;
  }
}

// Seven-segment strokes of a 16 × 28 cell: a b c d e f g as line ends.
const SEGMENTS: Record<string, [number, number, number, number]> = {
  a: [0, 0, 16, 0],
  b: [16, 0, 16, 14],
  c: [16, 14, 16, 28],
  d: [0, 28, 16, 28],
  e: [0, 14, 0, 28],
  f: [0, 0, 0, 14],
  g: [0, 14, 16, 14],
};
const DIGITS = ['abcdef', 'bc', 'abged', 'abgcd', 'fgbc', 'afgcd', 'afgedc', 'abc', 'abcdefg', 'abcdfg'];
const SIGNS: Record<string, [number, number, number, number][]> = {
  '+': [
    [2, 14, 14, 14],
    [8, 8, 8, 20],
  ],
  '=': [
    [2, 10, 14, 10],
    [2, 18, 14, 18],
  ],
};

const jitter = (range: number): number => (randomInt(0, 2 * range * 10 + 1) - range * 10) / 10;

/**
 * The question as strokes, each glyph shifted and turned a little, over noise lines: no
 * text for a script to read off the markup. A speed bump, not a CAPTCHA — the limits are
 * what bound enumeration.
 */
export function challengeSvg(text: string): string {
  const strokes: string[] = [];
  [...text].forEach((char, i) => {
    const lines = /\d/.test(char) ? [...DIGITS[Number(char)]].map((s) => SEGMENTS[s]) : (SIGNS[char] ?? []);
    const x = 14 + i * 26 + jitter(2);
    const y = 14 + jitter(3);
    const turn = jitter(8);
    const path = lines.map(([x1, y1, x2, y2]) => `M${(x1 + jitter(1)).toFixed(1)} ${(y1 + jitter(1)).toFixed(1)}L${(x2 + jitter(1)).toFixed(1)} ${(y2 + jitter(1)).toFixed(1)}`).join('');
    strokes.push(`<path transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) rotate(${turn.toFixed(1)} 8 14)" d="${path}"/>`);
  });
  const width = 28 + text.length * 26;
  const noise = Array.from({ length: 6 }, () => `<path d="M${randomInt(0, width)} ${randomInt(0, 56)}L${randomInt(0, width)} ${randomInt(0, 56)}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="56" viewBox="0 0 ${width} 56"><rect width="100%" height="100%" fill="#f4f6f8"/><g stroke="#9aa5b1" stroke-width="1">${noise.join('')}</g><g stroke="#1a3a5c" stroke-width="3" stroke-linecap="round" fill="none">${strokes.join('')}</g></svg>`;
}
