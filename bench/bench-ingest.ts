// npm run bench:ingest [-- --json] [--kiosks 8] [--seconds 20] [--interval 20] [--tracks 20]
// N simulated kiosks send observation batches over socket.io to the real server, which runs the
// session engine and stores time_logs, sessions and cursors in PostgreSQL. Each kiosk sends one
// batch (8 frames × --tracks people) every --interval ms, faster than real time, each camera with
// people coming and going. Prints the observations/s the server acknowledged (one observation =
// one person in one frame) and the ack round trip p50/p99. INTAKE_COMMIT_MS in the environment
// sets the server's commit interval (default 1000).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import type { ObservationAck, ObservationFrame } from '../src/lib/protocol/observations.js';
import { createKiosk, kioskSocket } from '../test/support/kiosk.js';
import { createTestDatabase } from '../test/support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../test/support/server.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    kiosks: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '20' },
    interval: { type: 'string', default: '20' },
    tracks: { type: 'string', default: '20' },
    // internal: the load generator runs in a child process, so its CPU is not the server's
    worker: { type: 'string' },
  },
});
const KIOSKS = Number(values.kiosks);
const SECONDS = Number(values.seconds);
const INTERVAL_MS = Number(values.interval);
const TRACKS = Number(values.tracks);
const FRAMES_PER_BATCH = 8;
const FRAME_MS = 1000 / 15;
const LIFETIME_FRAMES = 900; // each person stays about a minute of camera time

/** A camera's people: each stays a while, moves now and then, and is replaced by a newcomer. */
function frameAt(cameraIndex: number, f: number, ts: number, zoneId: string): ObservationFrame {
  return {
    ts,
    tracks: Array.from({ length: TRACKS }, (_, slot) => {
      const age = f + slot * 37;
      const generation = Math.floor(age / LIFETIME_FRAMES);
      const x = (slot % 10) / 10 + 0.01;
      const y = slot < 10 ? 0.2 : 0.6;
      return {
        trackId: generation * TRACKS + slot + 1,
        box: [x, y, x + 0.05, y + 0.3] as [number, number, number, number],
        zoneId,
        motion: 0.1,
        moving: (age + cameraIndex) % 200 < 120,
      };
    }),
  };
}

interface WorkerJob {
  base: string;
  kiosks: { kioskId: string; token: string; cameraId: string }[];
}
interface WorkerResult {
  ackMs: number[];
  acked: number;
  failed: number;
  elapsed: number;
}

/** The load generator: every kiosk's socket and batches, measured from the warm-up's end. */
async function generateLoad(job: WorkerJob): Promise<WorkerResult> {
  const ackMs: number[] = [];
  let acked = 0;
  let failed = 0;
  let measuring = false;
  const start = Date.now() - 3600_000;
  const stops = await Promise.all(
    job.kiosks.map(async (k, i) => {
      const socket: Socket = kioskSocket(job.base, k.token);
      await new Promise<void>((r) => socket.once('connect', () => r()));
      let seq = 0;
      let f = 0;
      const timer = setInterval(() => {
        const frames = Array.from({ length: FRAMES_PER_BATCH }, () => {
          f++;
          return frameAt(i, f, start + Math.round(f * FRAME_MS), `Z-${k.cameraId}`);
        });
        const batch = { kioskId: k.kioskId, cameraId: k.cameraId, run: 1, seq: ++seq, frames };
        const t0 = performance.now();
        const counted = measuring;
        socket.emit('observations', batch, (ack: ObservationAck) => {
          if (!counted || !measuring) return;
          if (!ack.ok) {
            failed++;
            return;
          }
          ackMs.push(performance.now() - t0);
          acked += FRAMES_PER_BATCH * TRACKS;
        });
      }, INTERVAL_MS);
      return () => {
        clearInterval(timer);
        socket.close();
      };
    }),
  );
  await new Promise((r) => setTimeout(r, 5000)); // warm-up: connections, JIT, first commits
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  stops.forEach((s) => s());
  return { ackMs, acked, failed, elapsed };
}

if (values.worker) {
  const result = await generateLoad(JSON.parse(values.worker) as WorkerJob);
  process.send!(result, undefined, undefined, () => process.exit(0));
} else {
  await main();
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const server = await startTestServer({
    DATABASE_URL: db.url,
    SEED_DEMO: 'false',
    INTAKE_COMMIT_MS: process.env.INTAKE_COMMIT_MS ?? '1000',
  });
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const cameraIds = Array.from({ length: KIOSKS }, (_, i) => `BENCH${String(i + 1).padStart(2, '0')}`);
  for (const id of cameraIds) {
    await sql.query(
      `INSERT INTO cameras (camera_id, name, source_kind, file_path) VALUES ($1, $1, 'file', '/dev/null')`,
      [id],
    );
    await sql.query(
      `INSERT INTO zones (zone_id, camera_id, name, polygon_coords) VALUES ($1, $2, $1, '[[0,0],[1,0],[1,1],[0,1]]')`,
      [`Z-${id}`, id],
    );
  }
  const services = server.services as { intake: { refresh(): Promise<void> } };
  await services.intake.refresh();

  const cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
  const kiosks = [];
  for (const [i, cameraId] of cameraIds.entries())
    kiosks.push({ ...(await createKiosk(server.base, [cameraId], `bench ${i}`, cookie)), cameraId });
  const child = fork(
    fileURLToPath(import.meta.url),
    [...process.argv.slice(2), '--worker', JSON.stringify({ base: server.base, kiosks })],
    {
      execArgv: ['--import', 'tsx'],
    },
  );
  const { ackMs, acked, failed, elapsed } = await new Promise<WorkerResult>((resolve, reject) => {
    child.once('message', (m) => resolve(m as WorkerResult));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
  await (server.services as { intake: { commit(): Promise<void> } }).intake.commit();
  const rows = Number((await sql.query('SELECT COUNT(*) AS n FROM time_logs')).rows[0].n);
  const sessions = Number((await sql.query('SELECT COUNT(*) AS n FROM sessions')).rows[0].n);
  await sql.end();
  await server.close();
  await db.drop();

  ackMs.sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round((ackMs[Math.min(ackMs.length - 1, Math.floor(p * ackMs.length))] ?? NaN) * 10) / 10;
  const result = {
    kiosks: KIOSKS,
    obsPerSec: Math.round(acked / elapsed),
    ackP50Ms: pct(0.5),
    ackP99Ms: pct(0.99),
  };
  console.log(
    `${KIOSKS} kiosks, ${TRACKS} people × ${FRAMES_PER_BATCH} frames per batch every ${INTERVAL_MS} ms: ` +
      `${result.obsPerSec} observations/s acknowledged, ack p50 ${result.ackP50Ms} ms, p99 ${result.ackP99Ms} ms ` +
      `(${failed} refused; stored ${rows} time_logs rows, ${sessions} sessions)`,
  );
  if (values.json) console.log(JSON.stringify(result));
}
