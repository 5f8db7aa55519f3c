import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

export class SealError extends Error {}

/** Decodes a base64 AES-256 key; anything but 32 bytes is refused, so a typo cannot weaken it. */
export function parseKey(base64: string, name: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new SealError(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}

const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES);

/**
 * Seals personal data (face embeddings, photos) with AES-256-GCM before it reaches the database:
 * `version | key id | iv | tag | ciphertext`. The key id says which key opens a value, so old rows
 * stay readable with a previous key during a rotation while every new value uses the current one.
 */
export function createSealedBox(current: Buffer, previous: readonly Buffer[] = []) {
  const keys = new Map([current, ...previous].map((k) => [keyIdOf(k).toString('hex'), k]));
  const currentId = keyIdOf(current);
  return {
    keyId: currentId.toString('hex'),
    seal(plain: Uint8Array): Buffer {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), currentId, iv, cipher.getAuthTag(), body]);
    },
    open(sealed: Uint8Array): Buffer {
      const b = Buffer.from(sealed);
      if (b.length < HEADER || b[0] !== VERSION) throw new SealError('not a sealed value');
      const id = b.subarray(1, 1 + KEY_ID_BYTES).toString('hex');
      const key = keys.get(id);
      if (!key) throw new SealError(`sealed with key ${id}, which this server does not hold`);
      const iv = b.subarray(1 + KEY_ID_BYTES, 1 + KEY_ID_BYTES + IV_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(b.subarray(HEADER - TAG_BYTES, HEADER));
      try {
        return Buffer.concat([decipher.update(b.subarray(HEADER)), decipher.final()]);
      } catch {
        throw new SealError('sealed value fails its integrity check');
      }
    },
    /** Whether a value was sealed with the current key (a rotation re-seals the others). */
    isCurrent: (sealed: Uint8Array) =>
      Buffer.from(sealed)
        .subarray(1, 1 + KEY_ID_BYTES)
        .equals(currentId),
  };
}
export type SealedBox = ReturnType<typeof createSealedBox>;

/**
 * The key from the environment, else from its file; a first start creates the file (mode 0600)
 * beside the data, never inside the database, so a copy of the database alone opens nothing.
 */
export function loadIdentityKey(opts: { key: string | null; keyFile: string }): { key: Buffer; created: boolean } {
  if (opts.key) return { key: parseKey(opts.key, 'IDENTITY_KEY'), created: false };
  if (existsSync(opts.keyFile))
    return { key: parseKey(readFileSync(opts.keyFile, 'utf8'), opts.keyFile), created: false };
  const key = randomBytes(32);
  mkdirSync(path.dirname(opts.keyFile), { recursive: true });
  writeFileSync(opts.keyFile, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(opts.keyFile, 0o600);
  return { key, created: true };
}
