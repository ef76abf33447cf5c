import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of an opaque token: what the database stores and looks up (the token itself is never stored). */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A new opaque token: 32 random bytes, base64url (43 characters), and its hash. */
export function newToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Tokens we issue are 43 base64url characters; anything else is not looked up at all. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
