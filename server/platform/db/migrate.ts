import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Umzug, type UmzugStorage } from 'umzug';
import type { SqlRunner } from './database.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name TEXT PRIMARY KEY,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
)`;

function ledger(sql: SqlRunner): UmzugStorage {
  return {
    async executed() {
      await sql.exec(LEDGER);
      const rows = await sql.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      return rows.map((r) => r.name);
    },
    // Recorded inside the migration's own transaction (see `up` below), so these stay no-ops.
    async logMigration() {},
    async unlogMigration({ name }) {
      await sql.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
    },
  };
}

/** SQL files in name order; each runs once, in one transaction together with its ledger row. */
export function createMigrator(sql: SqlRunner, dir = MIGRATIONS_DIR, log?: (msg: string) => void) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return new Umzug({
    migrations: files.map((file) => ({
      name: file,
      up: () =>
        sql.transaction(async (tx) => {
          await tx.exec(readFileSync(path.join(dir, file), 'utf8'));
          await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        }),
    })),
    storage: ledger(sql),
    logger: log
      ? {
          info: (m) => log(describe(m)),
          warn: (m) => log(describe(m)),
          error: (m) => log(describe(m)),
          debug: () => {},
        }
      : undefined,
  });
}

function describe(m: Record<string, unknown>): string {
  return `migration ${String(m.event)} ${String(m.name ?? '')}`.trim();
}

export async function migrate(sql: SqlRunner, log?: (msg: string) => void): Promise<string[]> {
  const applied = await createMigrator(sql, MIGRATIONS_DIR, log).up();
  return applied.map((m) => m.name);
}

export async function pendingMigrations(sql: SqlRunner): Promise<string[]> {
  return (await createMigrator(sql).pending()).map((m) => m.name);
}
