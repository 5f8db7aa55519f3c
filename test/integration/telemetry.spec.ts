import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, fullHealth, loginCookie, startTestServer } from '../support/server.js';

describe('kiosk telemetry', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    const cookie = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    const res = await fetch(`${server.base}/api/v1/kiosks`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Line A kiosk', cameraIds: ['CAM01'] }),
    });
    token = ((await res.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (body: unknown) =>
    fetch(`${server.base}/api/v1/kiosk/telemetry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('shows each kiosk’s backend and model timings in /health, and a model it cannot load degrades it', async () => {
    expect(
      (await post({ backend: 'wasm', adapter: null, models: [{ model: 'centernet', inferenceMs: 166, fps: 5 }] }))
        .status,
    ).toBe(204);
    let h = await fullHealth(server.base);
    expect(h.gpu).toMatchObject([
      { name: 'Line A kiosk', backend: 'wasm', models: [{ model: 'centernet', inferenceMs: 166 }] },
    ]);
    expect(h.status).toBe('ok');
    await post({
      backend: 'wasm',
      adapter: null,
      models: [],
      errors: [{ model: 'yolov8n.onnx', message: 'file not found' }],
    });
    h = await fullHealth(server.base);
    expect(h.status).toBe('degraded');
  });

  it('rejects a bad report naming the field', async () => {
    const res = await post({ backend: 'quantum', adapter: null, models: [] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_input', field: 'body.backend' });
  });
});
