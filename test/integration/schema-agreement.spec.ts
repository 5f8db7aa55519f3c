import { readFileSync } from 'node:fs';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/platform/db/database.js';
import { migrate, pendingMigrations } from '../../server/platform/db/migrate.js';
import { createTestDatabase } from '../support/postgres.js';

interface Field {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  nativeType: [string, string[]] | null;
}
interface Model {
  name: string;
  dbName: string | null;
  fields: Field[];
}
interface Index {
  model: string;
  type: 'id' | 'unique' | 'normal';
  dbName?: string;
  isDefinedOnField: boolean;
}

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', readFileSync('prisma/schema.prisma', 'utf8')]] })),
) as { datamodel: { models: Model[]; indexes: Index[] } };

/** The PostgreSQL type a Prisma scalar maps to, as information_schema spells it. */
function expectedPgType(f: Field): { udt: string; length?: number } {
  const [native, args] = f.nativeType ?? [null, []];
  switch (native) {
    case 'VarChar':
      return { udt: 'varchar', length: Number(args[0]) };
    case 'Char':
      return { udt: 'bpchar', length: Number(args[0]) };
    case 'Timestamptz':
      return { udt: 'timestamptz' };
    case 'Date':
      return { udt: 'date' };
    case 'Time':
      return { udt: 'time' };
    case 'SmallInt':
      return { udt: 'int2' };
    case 'Real':
      return { udt: 'float4' };
  }
  const defaults: Record<string, string> = {
    String: 'text',
    Int: 'int4',
    BigInt: 'int8',
    Float: 'float8',
    Boolean: 'bool',
    Json: 'jsonb',
    Bytes: 'bytea',
    DateTime: 'timestamp',
  };
  return { udt: defaults[f.type]! };
}

type Column = {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  character_maximum_length: number | null;
};

async function compare(db: Database): Promise<string[]> {
  const columns = await db.sql.query<Column>(
    `SELECT table_name, column_name, udt_name, is_nullable, character_maximum_length
       FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const indexes = new Set(
    (await db.sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).map(
      (r) => r.indexname,
    ),
  );
  const problems: string[] = [];
  const tables = new Set(columns.map((c) => c.table_name));
  tables.delete('schema_migrations');
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    if (!tables.delete(table)) {
      problems.push(`model ${model.name}: table ${table} missing`);
      continue;
    }
    const dbCols = new Map(columns.filter((c) => c.table_name === table).map((c) => [c.column_name, c]));
    for (const f of model.fields.filter((x) => x.kind === 'scalar')) {
      const name = f.dbName ?? f.name;
      const col = dbCols.get(name);
      dbCols.delete(name);
      if (!col) {
        problems.push(`${table}.${name}: column missing`);
        continue;
      }
      const want = expectedPgType(f);
      if (col.udt_name !== want.udt)
        problems.push(`${table}.${name}: type ${col.udt_name}, Prisma expects ${want.udt}`);
      if (want.length !== undefined && col.character_maximum_length !== want.length) {
        problems.push(`${table}.${name}: length ${col.character_maximum_length}, Prisma says ${want.length}`);
      }
      if ((col.is_nullable === 'NO') !== f.isRequired) {
        problems.push(
          `${table}.${name}: ${col.is_nullable === 'NO' ? 'NOT NULL' : 'nullable'} in SQL, ${f.isRequired ? 'required' : 'optional'} in Prisma`,
        );
      }
    }
    for (const extra of dbCols.keys()) problems.push(`${table}.${extra}: column not in the Prisma model`);
  }
  for (const t of tables) problems.push(`table ${t} has no Prisma model`);
  for (const idx of dmmf.datamodel.indexes) {
    if (idx.dbName && !indexes.has(idx.dbName)) problems.push(`index ${idx.dbName} (${idx.model}) missing in SQL`);
  }
  return problems;
}

describe.each([{ kind: 'embedded PGlite' as const }, { kind: 'PostgreSQL' as const }])(
  'Prisma schema and migrated $kind',
  ({ kind }) => {
    let db: Database;
    let drop: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      if (kind === 'PostgreSQL') {
        const t = await createTestDatabase();
        drop = t.drop;
        db = await openDatabase({ kind: 'postgres', url: t.url });
      } else {
        db = await openDatabase({ kind: 'pglite', dir: 'memory://' });
      }
      await migrate(db.sql);
    });
    afterAll(async () => {
      await db?.close();
      await drop?.();
    });

    it('agree on every table, column, type, nullability and named index', async () => {
      expect(await compare(db)).toEqual([]);
    });

    it('applies each migration once: a second run applies nothing', async () => {
      expect(await migrate(db.sql)).toEqual([]);
      expect(await pendingMigrations(db.sql)).toEqual([]);
    });

    it('round-trips rows through Prisma, timestamps in UTC', async () => {
      const at = new Date('2025-01-15T01:35:42.000Z');
      await db.prisma.camera.create({ data: { cameraId: 'CAMX', name: 'x', sourceKind: 'file', filePath: '/v.avi' } });
      await db.prisma.timeLog.create({
        data: { timestamp: at, trackId: 1, cameraId: 'CAMX', state: 'active', bboxCoords: { x: 1, y: 2, w: 3, h: 4 } },
      });
      const row = await db.prisma.timeLog.findFirstOrThrow({ where: { cameraId: 'CAMX' } });
      expect(row.timestamp.toISOString()).toBe(at.toISOString());
      await expect(
        db.prisma.timeLog.create({ data: { timestamp: at, trackId: 1, cameraId: 'CAMX', state: 'sleeping' } }),
      ).rejects.toThrow();
    });
  },
);
