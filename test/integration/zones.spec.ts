import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutDto, LayoutDiff, TemplateDto, VersionDto } from '../../src/lib/protocol/zones.js';
import { createKiosk, kioskSocket } from '../support/kiosk.js';
import { ADMIN, loginCookie, startTestServer } from '../support/server.js';

const square = (x: number, y: number, s: number) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];

describe('zone layouts: editing, validation, versions, templates', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ SEED_DEMO: 'true', DEMO_VIDEO: '/nonexistent.avi' });
    admin = await loginCookie(server.base, ADMIN.username, ADMIN.password);
    for (const role of ['supervisor', 'operator', 'viewer']) {
      await fetch(`${server.base}/api/v1/users`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ username: `z-${role}`, displayName: role, password: 'long enough pw', role }),
      });
      people[role] = await loginCookie(server.base, `z-${role}`, 'long enough pw');
    }
  });
  afterAll(async () => server?.close());

  const call = async (cookie: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.base}/api/v1${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const layout = (zones: unknown[]) => ({ zones });

  it('lets admins and supervisors save a layout, not operators or viewers', async () => {
    const body = layout([{ name: 'Bench', polygon: square(0.1, 0.1, 0.3) }]);
    expect((await call(people.operator!, 'PUT', '/cameras/CAM01/zones', body)).status).toBe(403);
    expect((await call(people.viewer!, 'PUT', '/cameras/CAM01/zones', body)).status).toBe(403);
    const saved = await call(people.supervisor!, 'PUT', '/cameras/CAM01/zones', body);
    expect(saved.status).toBe(200);
    const dto = saved.body as unknown as LayoutDto;
    expect(dto.zones).toMatchObject([
      { zoneId: 'CAM01-Z1', name: 'Bench', zoneType: 'work_area', idleThresholdSeconds: 60 },
    ]);
    // The seed's Z01 and Z02 were left out: deactivated, their history kept.
    const current = (await call(people.viewer!, 'GET', '/cameras/CAM01/zones')).body as unknown as LayoutDto;
    expect(current.zones.map((z) => z.zoneId)).toEqual(['CAM01-Z1']);
    expect(current.version).toBe(dto.version);
  });

  it('refuses invalid polygons with 400 naming the zone and the problem; overlaps only warn', async () => {
    const bowtie = [
      [0.1, 0.1],
      [0.5, 0.5],
      [0.5, 0.1],
      [0.1, 0.5],
    ];
    const crossed = await call(admin, 'PUT', '/cameras/CAM01/zones', layout([{ name: 'Bow', polygon: bowtie }]));
    expect(crossed.status).toBe(400);
    expect(crossed.body).toMatchObject({ code: 'invalid_input', field: 'body.zones.0.polygon' });
    expect(String(crossed.body.message)).toMatch(/Bow.*crosses/);
    const outside = await call(
      admin,
      'PUT',
      '/cameras/CAM01/zones',
      layout([{ name: 'Far', polygon: square(0.9, 0.9, 0.3) }]),
    );
    expect([outside.status, outside.body.field]).toEqual([400, 'body.zones.0.polygon']);
    const two = await call(
      admin,
      'PUT',
      '/cameras/CAM01/zones',
      layout([
        {
          name: 'Line',
          polygon: [
            [0, 0],
            [1, 0],
          ],
        },
      ]),
    );
    expect([two.status, two.body.field]).toEqual([400, 'body.zones.0.polygon']);
    const five = await call(
      admin,
      'PUT',
      '/cameras/CAM01/zones',
      layout(Array.from({ length: 5 }, (_, i) => ({ name: `S${i}`, polygon: square(i * 0.19, 0, 0.18) }))),
    );
    expect([five.status, five.body.field]).toEqual([400, 'body.zones']);
    const overlap = await call(
      admin,
      'PUT',
      '/cameras/CAM01/zones',
      layout([
        { name: 'Line', polygon: square(0, 0, 0.6) },
        { name: 'Station', polygon: square(0.1, 0.1, 0.2) },
      ]),
    );
    expect(overlap.status).toBe(200);
    expect((overlap.body as unknown as LayoutDto).warnings[0]).toMatch(/"Line" overlaps zone "Station"/);
  });

  it('keeps every change as a version with a diff, and rolls back as a new version', async () => {
    const versions = (await call(admin, 'GET', '/cameras/CAM01/zones/versions')).body as unknown as VersionDto[];
    const latest = versions[0]!;
    expect(latest).toMatchObject({ action: 'save', createdBy: expect.any(String), zoneCount: 2 });
    const v = (await call(admin, 'GET', `/cameras/CAM01/zones/versions/${latest.version}`)).body as {
      diff: LayoutDiff;
    };
    // New zones get new ids, never a retired zone's: its sessions stay its own.
    expect(v.diff).toEqual({ added: ['CAM01-Z2', 'CAM01-Z3'], removed: ['CAM01-Z1'], changed: [] });
    // The demo layout is version 1 ('seed'); the first layout saved here came after it.
    expect(versions.at(-1)).toMatchObject({ version: 1, action: 'seed', createdBy: null });
    const first = versions.filter((x) => x.action !== 'seed').at(-1)!;
    const back = await call(admin, 'POST', '/cameras/CAM01/zones/rollback', { version: first.version });
    expect(back.status).toBe(200);
    const now = (await call(admin, 'GET', '/cameras/CAM01/zones')).body as unknown as LayoutDto;
    expect(now.version).toBe(latest.version + 1);
    expect(now.zones.map((z) => [z.zoneId, z.name])).toEqual([['CAM01-Z1', 'Bench']]);
    const after = (await call(admin, 'GET', '/cameras/CAM01/zones/versions')).body as unknown as VersionDto[];
    expect(after[0]).toMatchObject({ action: 'rollback', note: `rolled back to version ${first.version}` });
    const audit = await server.services.db.prisma.auditLog.findMany({ where: { tableName: 'zones' } });
    expect(audit.length).toBe(after.length);
  });

  it('applies templates from the default library and saves new ones', async () => {
    const templates = (await call(people.viewer!, 'GET', '/zone-templates')).body as unknown as TemplateDto[];
    expect(templates.map((t) => t.name)).toEqual(['2-station line', '4-station cell', 'Assembly with inspection']);
    const four = templates.find((t) => t.name === '4-station cell')!;
    const applied = await call(admin, 'POST', '/cameras/CAM01/zones/template', { templateId: four.templateId });
    expect((applied.body as unknown as LayoutDto).zones).toHaveLength(4);
    const saved = await call(people.supervisor!, 'POST', '/zone-templates', { name: 'Our cell', cameraId: 'CAM01' });
    expect(saved.status).toBe(201);
    expect((await call(admin, 'POST', '/zone-templates', { name: 'Our cell', cameraId: 'CAM01' })).status).toBe(409);
  });

  it('tells kiosks when a camera’s zones change, after the engine has them', async () => {
    const kiosk = await createKiosk(server.base, ['CAM01']);
    const socket = kioskSocket(server.base, kiosk.token);
    await new Promise<void>((r) => socket.once('connect', () => r()));
    const told = new Promise<{ cameraId: string }>((r) => socket.once('zones:changed', r));
    await call(
      admin,
      'PUT',
      '/cameras/CAM01/zones',
      layout([{ zoneId: 'DESK', name: 'Desk', polygon: square(0.2, 0.2, 0.4) }]),
    );
    expect(await told).toEqual({ cameraId: 'CAM01' });
    const config = (await (
      await fetch(`${server.base}/api/v1/kiosk/config`, { headers: { authorization: `Bearer ${kiosk.token}` } })
    ).json()) as { zones: { zoneId: string }[] };
    expect(config.zones.map((z) => z.zoneId)).toEqual(['DESK']);
    const ack = await socket.emitWithAck('observations', {
      kioskId: kiosk.kioskId,
      cameraId: 'CAM01',
      run: 1,
      seq: 1,
      frames: [
        {
          ts: Date.now(),
          tracks: [{ trackId: 1, box: [0.3, 0.3, 0.4, 0.5], zoneId: 'DESK', motion: 0, moving: true }],
        },
      ],
    });
    expect(ack).toMatchObject({ ok: true });
    const active = (await call(admin, 'GET', '/sessions/active')).body as unknown as { zoneId: string }[];
    expect(active.map((s) => s.zoneId)).toEqual(['DESK']);
    socket.close();
  });
});
