import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HealthReport } from '../../src/lib/protocol/health.js';
import { loadConfig } from '../../server/app/config.js';
import { createLogger, SystemLogSink } from '../../server/platform/log.js';
import { startServer } from '../../server/app/server.js';
import type { Clock } from '../../server/platform/domain/clock.js';
import { systemClock } from '../../server/platform/system-clock.js';

export const ADMIN = { username: 'root-admin', password: 'correct horse battery' };

/** The real server, in this process, on a free port, with its own data folder. */
export async function startTestServer(env: Record<string, string> = {}, clock: Clock = systemClock) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fs-data-'));
  const cfg = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    ...env,
  });
  const sink = new SystemLogSink();
  const server = await startServer(cfg, createLogger(cfg.logLevel, sink), sink, clock);
  const base = `http://127.0.0.1:${server.port}`;
  return {
    ...server,
    base,
    cfg,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the API and returns the session cookie. */
export async function loginCookie(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0]!;
}

/** A clock the test moves by hand. */
export function manualClock(startIso: string) {
  let ms = Date.parse(startIso);
  return {
    now: () => new Date(ms),
    set: (iso: string) => {
      ms = Date.parse(iso);
    },
  };
}

/** The full /health report, as a signed-in admin sees it. */
export async function fullHealth(base: string): Promise<HealthReport> {
  const cookie = await loginCookie(base, ADMIN.username, ADMIN.password);
  return HealthReport.parse(await (await fetch(`${base}/health`, { headers: { cookie } })).json());
}
