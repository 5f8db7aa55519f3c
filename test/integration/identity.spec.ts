import { randomBytes } from 'node:crypto';
import { unzipSync, strFromU8 } from 'fflate';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GalleryMessage } from '../../src/lib/protocol/identity.js';
import { createSealedBox, loadIdentityKey } from '../../server/platform/crypto/sealed-box.js';
import { createKiosk, kioskSocket } from '../support/kiosk.js';
import { createTestDatabase, REDIS_URL } from '../support/postgres.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

/** A unit vector pointing mostly along axis `k`, with a little of a per-photo wobble. */
function face(k: number, wobble = 0): number[] {
  const v = Array.from({ length: 1024 }, (_, i) => (i === k ? 1 : 0.004 * Math.sin(i * (wobble + 1))));
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}
const GOOD = { faces: 1, faceSizePx: 180, sharpness: 220, yaw: 0.02, rollRad: 0.05 };
const photos = (k: number) => Array.from({ length: 5 }, (_, i) => ({ embedding: face(k, i), quality: GOOD }));
const float32 = (v: number[]) => Buffer.from(Float32Array.from(v).buffer);

describe('worker identity: enrolment, consent, the kiosk gallery, one track per worker', () => {
  let dbUrl: string;
  let drop: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let sql: pg.Client;
  let cookie: string;
  const call = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${server.base}/api/v1${p}`, {
      method,
      headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : null,
      bytes: type.includes('zip') ? new Uint8Array(await res.arrayBuffer()) : null,
    };
  };
  const gallery = (socket: Socket) =>
    new Promise<GalleryMessage>((resolve) => socket.once('identity:gallery', resolve));

  beforeAll(async () => {
    ({ url: dbUrl, drop } = await createTestDatabase());
    server = await startTestServer({
      DATABASE_URL: dbUrl,
      REDIS_URL,
      SEED_DEMO: 'true',
      DEMO_VIDEO: '/nonexistent.mp4',
    });
    cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    sql = new pg.Client({ connectionString: dbUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await server?.close();
    await drop?.();
  });

  it('refuses to enrol without consent, then enrols and keeps versions', async () => {
    const refused = await call('POST', '/workers/W001/enrolments', { photos: photos(1) });
    expect(refused).toMatchObject({ status: 409, body: { reason: { key: 'noConsent' } } });
    expect((await call('PUT', '/workers/W001/consent', { consent: true })).status).toBe(200);
    expect((await call('POST', '/workers/W001/enrolments', { photos: photos(1) })).status).toBe(201);
    const again = await call('POST', '/workers/W001/enrolments', { photos: photos(1) });
    expect(again.body).toMatchObject({
      consent: true,
      enrolments: [
        { version: 2, photoCount: 5, current: true, createdBy: expect.any(String) },
        { version: 1, current: false },
      ],
    });
  });

  it('refuses photos that fail the quality checks, naming the photo and the reason', async () => {
    const bad = photos(1).map((p, i) => (i === 2 ? { ...p, quality: { ...GOOD, faces: 2, sharpness: 3 } } : p));
    const r = await call('POST', '/workers/W001/enrolments', { photos: bad });
    expect(r).toMatchObject({
      status: 400,
      body: { field: 'photos.2.quality', reason: { key: 'photoQuality', params: { photo: 3 } } },
    });
    expect(String(r.body!.message)).toMatch(/several_faces, blurred/);
  });

  it('stores no plaintext embedding: every face column is sealed', async () => {
    const rows = await sql.query<{ embedding: Buffer }>('SELECT embedding FROM face_enrolments');
    const photosRows = await sql.query<{ embedding: Buffer }>('SELECT embedding FROM face_enrolment_photos');
    expect(rows.rows.length).toBe(2);
    for (const r of [...rows.rows, ...photosRows.rows]) {
      expect(r.embedding.length).toBe(1 + 8 + 12 + 16 + 4096); // version, key id, iv, tag, 1024 floats
      // Neither the photo's floats nor any 16-byte run of them appears in what is stored.
      for (let k = 0; k < 5; k++) expect(r.embedding.includes(float32(face(1, k)).subarray(0, 16))).toBe(false);
    }
    const cols = await sql.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'workers' AND column_name LIKE '%embedding%'",
    );
    expect(cols.rows).toEqual([]);
  });

  it('tests new photos against the gallery: who they resemble, with scores', async () => {
    await call('PUT', '/workers/W002/consent', { consent: true });
    const r = await call('POST', '/workers/W002/enrolments/test', {
      photos: photos(1).map((p) => ({ embedding: p.embedding })),
    });
    expect(r.body).toMatchObject({ resembles: [{ workerId: 'W001', similarity: expect.any(Number) }] });
    expect((r.body!.resembles as { similarity: number }[])[0]!.similarity).toBeGreaterThan(0.9);
    expect(r.body!.consistency).toBeGreaterThan(0.9);
  });

  it('sends kiosks the gallery over their socket, and names a track one active track per worker', async () => {
    await call('POST', '/workers/W002/enrolments', { photos: photos(2) });
    // Two kiosks watching one camera are two streams: one worker may be named on only one of them.
    const [ka, kb] = [
      await createKiosk(server.base, ['CAM01'], 'Identity kiosk A', cookie),
      await createKiosk(server.base, ['CAM01'], 'Identity kiosk B', cookie),
    ];
    const [sa, sb] = [kioskSocket(server.base, ka.token), kioskSocket(server.base, kb.token)];
    const [g] = await Promise.all([gallery(sa), gallery(sb)]);
    expect(g).toMatchObject({ mode: 'faces', minSimilarity: 0.67 });
    expect(g.faces.map((f) => f.workerId).sort()).toEqual(['W001', 'W002']);
    expect(g.faces[0]!.embedding).toHaveLength(1024);

    const t = Date.now() - 8000;
    const frame = (ts: number, trackId: number, zoneId: string, identity?: object) => ({
      ts,
      tracks: [
        { trackId, box: [0.1, 0.5, 0.2, 0.9], zoneId, motion: 0.2, moving: true, ...(identity && { identity }) },
      ],
    });
    const send = (socket: Socket, kioskId: string, seq: number, frames: object[]) =>
      socket.emitWithAck('observations', { kioskId, cameraId: 'CAM01', run: 1, seq, frames });
    const claim = (similarity: number) => ({ workerId: 'W001', similarity, source: 'face' });
    const a = await send(sa, ka.kioskId, 1, [frame(t, 4, 'Z01', claim(0.8)), frame(t + 100, 4, 'Z01')]);
    expect(a).toMatchObject({ ok: true, named: [{ trackId: 4, workerId: 'W001' }] });
    // The other kiosk's track, hardly closer: the identity stays where it is.
    const b = await send(sb, kb.kioskId, 1, [frame(t + 200, 9, 'Z02', claim(0.82))]);
    expect(b).toMatchObject({ ok: true });
    expect(b).not.toHaveProperty('named');
    // A clearly stronger match moves it; the first track goes back to anonymous.
    const c = await send(sb, kb.kioskId, 2, [frame(t + 300, 9, 'Z02', claim(0.95)), frame(t + 400, 9, 'Z02')]);
    expect(c).toMatchObject({ named: [{ trackId: 9, workerId: 'W001' }] });
    // A worker who did not consent is never named, whatever the kiosk says.
    const d = await send(sa, ka.kioskId, 2, [
      frame(t + 500, 5, 'Z02', { workerId: 'W003', similarity: 0.99, source: 'face' }),
    ]);
    expect(d).toMatchObject({ ok: true });
    expect(d).not.toHaveProperty('named');
    await (server.services as { intake: { commit(): Promise<void> } }).intake.commit();
    const s = await sql.query<{ track_id: number; worker_id: string | null; identity_confidence: number | null }>(
      'SELECT track_id, worker_id, identity_confidence FROM sessions ORDER BY track_id',
    );
    expect(s.rows).toEqual([
      { track_id: 4, worker_id: null, identity_confidence: null },
      { track_id: 5, worker_id: null, identity_confidence: null },
      { track_id: 9, worker_id: 'W001', identity_confidence: expect.closeTo(0.95, 5) },
    ]);
    // The two claims on one worker are an identity conflict: one alert for W001, with its anomaly.
    const conflict = async () =>
      (await sql.query("SELECT subject, state, anomaly_id FROM alerts WHERE alert_type = 'identity_conflict'")).rows;
    await expect.poll(conflict).toMatchObject([{ subject: 'W001', state: 'open', anomaly_id: expect.any(Number) }]);
    sa.close();
    sb.close();
  });

  it('in anonymised mode sends an empty gallery and names nobody', async () => {
    const kiosk = await createKiosk(server.base, ['CAM01'], 'Anonymous kiosk', cookie);
    expect((await call('PUT', '/identity/settings', { mode: 'anonymised', retentionDays: 365 })).status).toBe(200);
    const socket = kioskSocket(server.base, kiosk.token);
    expect(await gallery(socket)).toMatchObject({ mode: 'anonymised', faces: [] });
    expect((await call('POST', '/workers/W002/enrolments', { photos: photos(2) })).body).toMatchObject({
      reason: { key: 'anonymised' },
    });
    const changed = gallery(socket);
    await call('PUT', '/identity/settings', { mode: 'faces', retentionDays: 365 });
    expect((await changed).faces).toHaveLength(2);
    socket.close();
  });

  it('exports one worker’s face data as a zip, deletes it, and audits every read', async () => {
    const zip = await call('GET', '/workers/W001/personal-data');
    expect(zip.status).toBe(200);
    const files = unzipSync(zip.bytes!);
    const json = JSON.parse(strFromU8(files['worker.json']!)) as {
      enrolments: { embedding: number[]; photos: unknown[] }[];
    };
    expect(json.enrolments).toHaveLength(2);
    expect(json.enrolments[0]!.embedding).toHaveLength(1024);
    expect(json.enrolments[0]!.photos).toHaveLength(5);
    const deleted = await call('DELETE', '/workers/W001/personal-data');
    expect(deleted.body).toEqual({ deleted: 2 });
    expect((await call('GET', '/workers/W001/identity')).body).toMatchObject({ enrolments: [] });
    const audit = (await call('GET', '/audit-logs?table=face_enrolments&limit=50')).body as unknown as {
      operation: string;
      userId: string | null;
      data: { purpose?: string };
    }[];
    const ops = audit.map((a) => a.operation);
    expect(ops).toEqual(expect.arrayContaining(['READ', 'EXPORT', 'DELETE', 'INSERT']));
    expect(audit.some((a) => a.operation === 'READ' && /gallery for kiosk/.test(a.data.purpose ?? ''))).toBe(true);
    expect(audit.some((a) => a.operation === 'READ' && /enrolment test of W002/.test(a.data.purpose ?? ''))).toBe(true);
    expect(audit.find((a) => a.operation === 'EXPORT')?.userId).toEqual(expect.any(String));
  });

  it('retention deletes enrolments older than the site keeps them; a key rotation re-seals the rest', async () => {
    const services = server.services as unknown as {
      identity: { applyRetention(): Promise<string[]> };
      identityRepo: { resealAll(f: (v: Uint8Array) => Uint8Array): Promise<number> };
    };
    await call('PUT', '/workers/W003/consent', { consent: true });
    await call('POST', '/workers/W003/enrolments', { photos: photos(3) });
    await call('POST', '/workers/W004/enrolments', { photos: photos(4) }); // refused: no consent
    await sql.query("UPDATE face_enrolments SET created_at = now() - interval '40 days' WHERE worker_id = 'W002'");
    await call('PUT', '/identity/settings', { mode: 'faces', retentionDays: 30 });
    expect(await services.identity.applyRetention()).toEqual(['W002']);
    const left = await sql.query<{ worker_id: string }>('SELECT DISTINCT worker_id FROM face_enrolments ORDER BY 1');
    expect(left.rows.map((r) => r.worker_id)).toEqual(['W003']);
    // Rotation: every value is opened with the old key and sealed with the new one.
    const next = createSealedBox(randomBytes(32), [loadIdentityKey(server.cfg.identity).key]);
    const before = (await sql.query<{ embedding: Buffer }>('SELECT embedding FROM face_enrolments')).rows[0]!.embedding;
    expect(next.isCurrent(before)).toBe(false);
    expect(await services.identityRepo.resealAll((v) => next.seal(next.open(v)))).toBeGreaterThan(1);
    const after = (await sql.query<{ embedding: Buffer }>('SELECT embedding FROM face_enrolments')).rows[0]!.embedding;
    expect(next.isCurrent(after)).toBe(true);
    expect(next.open(after)).toEqual(next.open(before));
  });

  it('withdrawn consent deletes the worker’s face data; unknown workers are 404', async () => {
    await call('PUT', '/workers/W002/consent', { consent: false });
    const n = await sql.query("SELECT COUNT(*)::int AS n FROM face_enrolments WHERE worker_id = 'W002'");
    expect(n.rows[0]).toEqual({ n: 0 });
    expect((await call('GET', '/workers/NOPE/identity')).status).toBe(404);
    expect((await call('PUT', '/workers/NOPE/consent', { consent: true })).status).toBe(404);
  });
});
