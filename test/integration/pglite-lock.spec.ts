import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DatabaseInUse, lockDatabaseDir } from '../../server/platform/db/pglite-lock.js';
import { startTestServer } from '../support/server.js';

const run = promisify(execFile);

function userCreate(dataDir: string, username: string) {
  return run('npx', ['tsx', 'server/app/cli/user-create.ts', '--username', username, '--role', 'viewer'], {
    env: { ...process.env, DATA_DIR: dataDir, FLOORSIGHT_PASSWORD: 'a long password', LOG_LEVEL: 'silent' },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

describe('the embedded database has one owner at a time', () => {
  it('refuses a second process while the server holds it, and a lock left by a dead process is taken over', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'fs-lock-')), 'pglite');
    const release = lockDatabaseDir(dir);
    expect(Number(readFileSync(`${dir}.lock`, 'utf8'))).toBe(process.pid);
    expect(() => lockDatabaseDir(dir)).toThrow(DatabaseInUse);
    release();
    writeFileSync(`${dir}.lock`, '999999999');
    lockDatabaseDir(dir)();
  });

  it('npm run user:create says the server holds the database instead of losing the user', async () => {
    const server = await startTestServer();
    const dataDir = path.dirname(server.cfg.database.kind === 'pglite' ? server.cfg.database.dir : '');
    const refused = await userCreate(dataDir, 'lost-user');
    expect(refused.code).toBe(3);
    expect(refused.out).toMatch(/Cannot create the user: .*is open in process \d+/);
    await server.close();
    // With nobody holding it, the same command creates the user.
    const free = mkdtempSync(path.join(tmpdir(), 'fs-data-'));
    const made = await userCreate(free, 'kept-user');
    expect(made.out).toMatch(/created viewer "kept-user"/);
    expect(made.code).toBe(0);
  }, 90_000);
});
