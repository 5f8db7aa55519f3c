import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

describe('cameras and workers through /api/v1 (embedded database)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let cookie: string;
  const call = async (method: string, p: string, body?: unknown, who = cookie) => {
    const res = await fetch(`${server.base}/api/v1${p}`, {
      method,
      headers: { cookie: who, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'false' });
    cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('POST /cameras with an empty body is a 400 naming a field', async () => {
    const r = await call('POST', '/cameras', {});
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      code: 'invalid_input',
      field: expect.stringMatching(/^body\.(cameraId|name|sourceKind)$/),
    });
  });

  it('adds, tests, renames and removes a file camera; the relay follows', async () => {
    const filePath = path.resolve('vendor/media/vtest-demo.mp4');
    const test = await call('POST', '/cameras/test', { sourceKind: 'file', filePath });
    expect(test.body).toMatchObject({ ok: true, jpegBase64: expect.stringMatching(/^\/9j\//) });
    const bad = await call('POST', '/cameras/test', { sourceKind: 'rtsp', rtspUrl: 'rtsp://127.0.0.1:1/none' });
    expect(bad.body).toMatchObject({ ok: false, error: expect.any(String) });
    const onKiosk = await call('POST', '/cameras/test', { sourceKind: 'usb', usbDevice: 'kiosk:Logitech' });
    expect(onKiosk.body).toMatchObject({ ok: false, error: expect.stringMatching(/opened by that kiosk/) });
    const created = await call('POST', '/cameras', { cameraId: 'CAM05', name: 'Bench', sourceKind: 'file', filePath });
    expect(created.status).toBe(201);
    expect(
      (await call('POST', '/cameras', { cameraId: 'CAM05', name: 'Again', sourceKind: 'file', filePath })).status,
    ).toBe(409);
    await expect.poll(() => server.media.statuses().some((c) => c.cameraId === 'CAM05')).toBe(true);
    // What alert e-mails attach: the camera's picture now, as JPEG.
    expect((await server.media.snapshot('CAM05'))?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(await server.media.snapshot('NOPE')).toBeNull();
    expect((await call('PATCH', '/cameras/CAM05', { name: 'Bench 2' })).status).toBe(200);
    const list = (await call('GET', '/cameras')).body as unknown as { cameraId: string; name: string }[];
    expect(list.find((c) => c.cameraId === 'CAM05')?.name).toBe('Bench 2');
    expect((await call('DELETE', '/cameras/CAM05')).status).toBe(204);
    expect(server.media.statuses().some((c) => c.cameraId === 'CAM05')).toBe(false);
    expect((await call('DELETE', '/cameras/CAM05')).status).toBe(404);
  });

  it('PATCH /workers/:id edits and deactivates; unknown is 404; a bad shift names the field', async () => {
    expect((await call('POST', '/workers', { workerId: 'W200', name: 'Lek' })).status).toBe(201);
    const edited = await call('PATCH', '/workers/W200', {
      badgeId: 'B-200',
      shift: 'night',
      stationAssignments: ['Z01'],
    });
    expect(edited).toMatchObject({ status: 200, body: { badgeId: 'B-200', shift: 'night' } });
    expect((await call('PATCH', '/workers/W200', { shift: 'weekend' })).body).toMatchObject({ field: 'body.shift' });
    expect((await call('PATCH', '/workers/NOPE', { name: 'x' })).status).toBe(404);
    expect((await call('DELETE', '/workers/W200')).status).toBe(204);
    const workers = (await call('GET', '/workers')).body as unknown as { workerId: string; active: boolean }[];
    expect(workers.find((w) => w.workerId === 'W200')?.active).toBe(false);
  });
});
