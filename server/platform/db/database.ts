import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { lockDatabaseDir } from './pglite-lock.js';
import { PrismaClient } from './generated/client.js';

/** Runs raw SQL text, several statements at once; used by migrations and health checks only. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction; a throw rolls back everything it did. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  query<R extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  readonly sql: SqlRunner;
  /** Resolves when the server answers `SELECT 1` within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function pgRunner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as R[];
    },
    async transaction(fn) {
      const conn = 'release' in client ? client : await client.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(pgRunner(conn));
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        if (conn !== client) conn.release();
      }
    },
  };
}

function pgliteRunner(db: Pick<PGlite, 'exec' | 'query'> & Partial<Pick<PGlite, 'transaction'>>): SqlRunner {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<R extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await db.query<R>(sql, params)).rows;
    },
    async transaction(fn) {
      if (!db.transaction) throw new Error('nested transactions are not supported');
      return db.transaction((tx) => fn(pgliteRunner(tx)));
    },
  };
}

/** PostgreSQL at a URL, or the embedded PGlite in a folder ('memory://' for tests). */
export type DatabaseConfig = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

export interface OpenOptions {
  onError?: (err: Error) => void;
}

/**
 * Opens PostgreSQL through a pg pool, or the embedded PGlite when no DATABASE_URL is set. Both
 * serve the same Prisma client and the same SQL migrations.
 */
export async function openDatabase(cfg: DatabaseConfig, opts: OpenOptions = {}): Promise<Database> {
  if (cfg.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: cfg.url,
      max: 10,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client whose server went away emits 'error' on the pool; unhandled, it would end
    // the process. The pool drops that client and the next query reconnects.
    pool.on('error', (err) => opts.onError?.(err));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const sql = pgRunner(pool);
    return {
      kind: 'postgres',
      prisma,
      sql,
      ping: (ms) =>
        withTimeout(
          pool.query('SELECT 1').then(() => undefined),
          ms,
          'PostgreSQL',
        ),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  // 'memory://' keeps the database in memory (tests); anything else is a folder on disk.
  let unlock = () => {};
  if (!cfg.dir.startsWith('memory://')) {
    mkdirSync(cfg.dir, { recursive: true });
    unlock = lockDatabaseDir(cfg.dir);
  }
  const lite = await PGlite.create(cfg.dir).catch((err: unknown) => {
    unlock();
    throw err;
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    kind: 'pglite',
    prisma,
    sql: pgliteRunner(lite),
    ping: (ms) =>
      withTimeout(
        lite.query('SELECT 1').then(() => undefined),
        ms,
        'PGlite',
      ),
    async close() {
      await prisma.$disconnect();
      await lite.close();
      unlock();
    },
  };
}
