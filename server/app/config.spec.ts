import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database, port 3000 and Asia/Bangkok', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    expect(c.timeZone).toBe('Asia/Bangkok');
    expect(c.redisUrl).toBeNull();
  });

  it('uses PostgreSQL and Redis when their URLs are set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/fs', REDIS_URL: 'redis://cache:6379' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/fs' });
    expect(c.redisUrl).toBe('redis://cache:6379');
  });

  it.each([
    { env: { PORT: 'eighty' }, variable: 'PORT' },
    { env: { PORT: '70000' }, variable: 'PORT' },
    { env: { DATABASE_URL: 'mysql://x' }, variable: 'DATABASE_URL' },
    { env: { REDIS_URL: 'http://x' }, variable: 'REDIS_URL' },
    { env: { FACTORY_TIME_ZONE: 'Mars/Olympus' }, variable: 'FACTORY_TIME_ZONE' },
    { env: { LOG_LEVEL: 'loud' }, variable: 'LOG_LEVEL' },
    { env: { SEED_DEMO: 'maybe' }, variable: 'SEED_DEMO' },
    { env: { ADMIN_USERNAME: 'boss' }, variable: 'ADMIN_PASSWORD' },
    { env: { ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'short' }, variable: 'ADMIN_PASSWORD' },
  ])('rejects a bad $variable, naming it', ({ env, variable }) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as ConfigError).variable).toBe(variable);
      expect((err as Error).message).toContain(variable);
    }
  });

  it('reads a JSON file, lets the environment win, and rejects unknown keys in it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fs-config-'));
    const file = path.join(dir, 'floorsight.json');
    writeFileSync(file, JSON.stringify({ PORT: 4000, FACTORY_TIME_ZONE: 'Europe/Berlin' }));
    expect(loadConfig({ CONFIG_FILE: file }).port).toBe(4000);
    expect(loadConfig({ CONFIG_FILE: file, PORT: '5000' }).port).toBe(5000);
    writeFileSync(file, JSON.stringify({ PROT: 4000 }));
    expect(() => loadConfig({ CONFIG_FILE: file })).toThrow(/PROT|Unrecognized/);
    expect(() => loadConfig({ CONFIG_FILE: path.join(dir, 'missing.json') })).toThrow(/CONFIG_FILE/);
  });
});
