import { mkdtempSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseFfmpeg } from '../../server/platform/ffmpeg.js';

describe('which ffmpeg the relay runs', () => {
  const savedPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = savedPath;
  });

  it('the system one when it is on PATH', () => {
    // A PATH with an ffmpeg on it, whether or not this machine has one of its own.
    const dir = mkdtempSync(path.join(tmpdir(), 'fs-path-'));
    symlinkSync(createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg').path, path.join(dir, 'ffmpeg'));
    process.env.PATH = dir;
    expect(chooseFfmpeg(null)).toMatchObject({ source: 'system', path: 'ffmpeg', version: expect.any(String) });
  });

  it('the static build npm installed when the system has none, and it runs', () => {
    process.env.PATH = '/nonexistent';
    const chosen = chooseFfmpeg(null);
    expect(chosen.source).toBe('npm');
    expect(chosen.path).toMatch(/@ffmpeg-installer\/linux-x64\/ffmpeg$/);
    expect(chosen.version).not.toBeNull();
  });

  it('the configured one, said so, and null version when it does not run', () => {
    expect(chooseFfmpeg('/nonexistent/ffmpeg')).toEqual({
      source: 'configured',
      path: '/nonexistent/ffmpeg',
      version: null,
    });
  });
});
