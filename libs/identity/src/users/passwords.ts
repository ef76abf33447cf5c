import * as argon2 from 'argon2';
import { ValidationError } from '@disclose/domain';

/** Minimum length of a password; length beats composition rules (NIST SP 800-63B 5.1.1). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError([{ field, code: 'password_too_short', params: { min: PASSWORD_MIN_LENGTH } }]);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError([{ field, code: 'password_too_long', params: { max: PASSWORD_MAX_LENGTH } }]);
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no hash (unknown email, or an account without password) it still runs one
 * argon2 verification against a dummy hash, so the answer takes about as long either way and does not
 * reveal which emails have accounts.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('dummy password that matches nothing');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
