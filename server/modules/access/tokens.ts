import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets handed to machines look like `fsk_<prefix>_<secret>` (API keys) or `fsd_<prefix>_<secret>`
 * (kiosk devices). The prefix finds the row; only a SHA-256 of the whole token is stored, which is
 * enough for 256-bit random secrets (a slow password hash protects guessable secrets only).
 */
export type TokenKind = 'fsk' | 'fsd';

export interface IssuedToken {
  token: string;
  prefix: string;
  hash: string;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function issueToken(kind: TokenKind): IssuedToken {
  const prefix = randomBytes(6).toString('hex');
  const token = `${kind}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: sha256(token) };
}

export function parseToken(token: string): { kind: TokenKind; prefix: string } | null {
  const m = /^(fsk|fsd)_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? { kind: m[1] as TokenKind, prefix: m[2]! } : null;
}

export function hashMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fresh opaque cookie value for a login session. */
export const newSessionToken = () => randomBytes(32).toString('base64url');
