import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealedBox, loadIdentityKey, parseKey, SealError } from './sealed-box.js';

describe('sealed box (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const plain = new Uint8Array(Float32Array.from([0.1, -0.2, 0.3]).buffer);

  it('opens what it sealed, with a fresh iv each time', () => {
    const box = createSealedBox(key);
    const a = box.seal(plain);
    expect(box.open(a)).toEqual(Buffer.from(plain));
    expect(box.seal(plain).equals(a)).toBe(false);
    expect(a.includes(Buffer.from(plain))).toBe(false);
  });

  it('refuses a tampered value and one sealed with a key it does not hold', () => {
    const box = createSealedBox(key);
    const sealed = box.seal(plain);
    sealed[sealed.length - 1]! ^= 1;
    expect(() => box.open(sealed)).toThrow(/integrity/);
    expect(() => createSealedBox(randomBytes(32)).open(box.seal(plain))).toThrow(SealError);
    expect(() => box.open(new Uint8Array(5))).toThrow(/not a sealed value/);
  });

  it('after a rotation reads old values with the previous key and seals new ones with the current', () => {
    const old = createSealedBox(key);
    const sealedOld = old.seal(plain);
    const rotated = createSealedBox(randomBytes(32), [key]);
    expect(rotated.open(sealedOld)).toEqual(Buffer.from(plain));
    expect(rotated.isCurrent(sealedOld)).toBe(false);
    expect(rotated.isCurrent(rotated.seal(plain))).toBe(true);
  });

  it('creates the key file once, readable by its owner only, and refuses a short key', () => {
    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'fs-key-')), 'identity.key');
    const first = loadIdentityKey({ key: null, keyFile });
    expect(first.created).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadIdentityKey({ key: null, keyFile })).toEqual({ key: first.key, created: false });
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.key.toString('base64'));
    expect(() => parseKey(Buffer.alloc(16).toString('base64'), 'IDENTITY_KEY')).toThrow(/32 bytes/);
  });
});
