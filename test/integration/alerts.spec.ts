import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailChannel } from '../../server/modules/alerts/channels/email.channel.js';
import { createLineChannel } from '../../server/modules/alerts/channels/line.channel.js';
import { createSmsChannel } from '../../server/modules/alerts/channels/sms.channel.js';
import { createWebhookChannel, signBody } from '../../server/modules/alerts/channels/webhook.channel.js';
import { createAlertsRepository } from '../../server/modules/alerts/alerts.repository.js';
import { createAlertsService } from '../../server/modules/alerts/alerts.service.js';
import { createDailySummaries } from '../../server/modules/alerts/daily-summary.job.js';
import { createDailySummaryRepository } from '../../server/modules/alerts/daily-summary.repository.js';
import { createLogger, SystemLogSink } from '../../server/platform/log.js';
import { RULE_DEFAULTS, type FloorFacts } from '../../server/modules/alerts/domain/rules.js';
import { seedDemo } from '../../server/app/demo-site.repository.js';
import type { Database } from '../../server/platform/db/database.js';
import { createMemoryEventBus } from '../../server/platform/events/event-bus.js';
import { migratedTestDatabase } from '../support/postgres.js';
import { manualClock } from '../support/server.js';
import { smtpPeer } from '../support/smtp-peer.js';

const T0 = '2026-01-05T03:00:00.000Z';
const admin = { kind: 'user' as const, id: 'u-admin', name: 'Admin', grant: 'admin' as const };

describe('alerts: lifecycle and escalation in PostgreSQL', () => {
  let db: Database;
  let close: () => Promise<void>;
  const clock = manualClock(T0);
  const events = createMemoryEventBus(() => undefined);
  const seen: string[] = [];
  events.subscribe('alert.changed', (a) => void seen.push(`${a.rule}:${a.state}`));
  let alerts: ReturnType<typeof createAlertsService>;
  const channels: Pick<Parameters<typeof createAlertsService>[0], 'channels' | 'routing'> = {
    channels: [],
    routing: { webhooks: [], critical: [] },
  };
  const facts = (present: number, over: Partial<FloorFacts> = {}): FloorFacts => ({
    atMs: clock.now().getTime(),
    working: true,
    indexNumber: 2,
    zones: [
      {
        zoneId: 'Z01',
        name: 'Station 1',
        cameraId: 'CAM01',
        zoneType: 'work_area',
        minWorkers: 0,
        maxWorkers: 1,
        alertOnEmpty: false,
        alertOnOverflow: true,
        present,
      },
    ],
    sessions: [],
    cameras: [],
    kiosks: [],
    productivity: [],
    ...over,
  });
  const at = (iso: string) => clock.set(iso);

  beforeAll(async () => {
    ({ db, close } = await migratedTestDatabase());
    await seedDemo(db.prisma, { today: '2026-01-05', demoVideo: '/nonexistent.mp4' });
    alerts = createAlertsService({ repo: createAlertsRepository(db.prisma), clock, events, ...channels });
    await alerts.putSettings({ ...RULE_DEFAULTS, staffingSeconds: 0 }, admin);
  });
  afterAll(async () => close?.());

  it('raises an alert with its anomaly (counted in the index), once, and resolves it when the zone empties', async () => {
    const first = await alerts.evaluate(facts(3));
    expect(first.raised.map((a) => [a.rule, a.subject, a.state])).toEqual([['over_capacity', 'Z01', 'open']]);
    expect((await alerts.evaluate(facts(3))).raised).toEqual([]);
    const anomalies = await alerts.anomalies({ limit: 10, offset: 0 });
    expect(anomalies).toMatchObject([{ type: 'over_capacity', zoneId: 'Z01', indexNumber: 2 }]);
    at('2026-01-05T03:00:05.000Z');
    await alerts.evaluate(facts(0));
    at('2026-01-05T03:00:25.000Z');
    expect((await alerts.evaluate(facts(0))).resolved).toMatchObject([{ rule: 'over_capacity', autoResolved: true }]);
    expect(seen).toEqual(['over_capacity:open', 'over_capacity:resolved']);
  });

  it('escalates an unacknowledged warning at 5 min, survives a restart, and stops once acknowledged', async () => {
    at('2026-01-05T04:00:00.000Z');
    const [a] = (await alerts.evaluate(facts(4))).raised;
    at('2026-01-05T04:04:59.000Z');
    expect(await alerts.escalate()).toEqual([]);
    // A new service over the same database: the timer is in the row, not in memory.
    const restarted = createAlertsService({ repo: createAlertsRepository(db.prisma), clock, events, ...channels });
    expect((await restarted.evaluate(facts(4))).raised).toEqual([]);
    at('2026-01-05T04:05:00.000Z');
    const up = await restarted.escalate();
    expect(up).toMatchObject([
      { level: 1, recipients: ['role:supervisor'], alert: { alertId: a!.alertId, escalationLevel: 1 } },
    ]);
    await restarted.acknowledge(a!.alertId, admin, 'moved two people to station 2');
    at('2026-01-05T04:20:00.000Z');
    expect(await restarted.escalate()).toEqual([]);
    const detail = await restarted.get(a!.alertId);
    expect(detail).toMatchObject({ state: 'acknowledged', actionTaken: 'moved two people to station 2' });
    expect(detail.history.map((h) => h.action)).toEqual(['raised', 'escalated', 'acknowledged']);
  });

  it('snoozes push the escalation back; resolving by hand records the cause; unknown alerts are not found', async () => {
    at('2026-01-05T05:00:00.000Z');
    const raised = (await alerts.evaluate(facts(0, { cameras: [{ cameraId: 'CAM01', name: 'Demo', online: false }] })))
      .raised;
    expect(raised).toEqual([]);
    at('2026-01-05T05:01:05.000Z');
    const [cam] = (await alerts.evaluate(facts(0, { cameras: [{ cameraId: 'CAM01', name: 'Demo', online: false }] })))
      .raised;
    expect(cam).toMatchObject({ rule: 'camera_offline', severity: 'error' });
    const snoozed = await alerts.snooze(cam!.alertId, admin, 30);
    expect(Date.parse(snoozed.nextEscalationAt!)).toBe(Date.parse('2026-01-05T05:31:05.000Z'));
    const done = await alerts.resolve(cam!.alertId, admin, 'replaced the PoE switch', 'switch failure');
    expect(done).toMatchObject({
      state: 'resolved',
      resolution: 'replaced the PoE switch',
      rootCause: 'switch failure',
    });
    await expect(alerts.acknowledge(999_999, admin, null)).rejects.toMatchObject({ code: 'not_found' });
    const list = await alerts.list({ limit: 50, offset: 0, state: 'resolved' });
    // The acknowledged over_capacity of the last test resolved itself once the zone was empty.
    expect(list.items.map((x) => x.rule).sort()).toEqual(['camera_offline', 'over_capacity', 'over_capacity']);
  });

  it('delivers by webhook (signed, third attempt after two failures) and e-mail; a dead delivery can be replayed', async () => {
    const secret = 'a-shared-secret-of-length';
    const hooks: { body: string; signature: string | undefined }[] = [];
    let failures = 2;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        hooks.push({ body, signature: req.headers['x-floorsight-signature'] as string | undefined });
        res.statusCode = failures-- > 0 ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/floorsight`;
    const smtp = await smtpPeer();
    const { mails, url: smtpUrl } = smtp;
    const svc = createAlertsService({
      repo: createAlertsRepository(db.prisma),
      clock,
      events,
      channels: [
        createWebhookChannel(secret),
        // The camera's picture, as the relay's snapshot gives it (a JPEG's first bytes stand in here).
        createEmailChannel(smtpUrl, 'floorsight@factory.test', async (cam) =>
          cam === 'CAM01' ? Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) : null,
        ),
      ],
      routing: { webhooks: [hookUrl], critical: ['email:supervisor@factory.test'] },
    });
    try {
      at('2026-01-05T06:00:00.000Z');
      const restricted = facts(1, {
        zones: [{ ...facts(1).zones[0]!, zoneId: 'Z02', name: 'Station 2', zoneType: 'restricted' }],
        sessions: [
          { sessionId: 'S-R', zoneId: 'Z02', workerId: null, state: 'active', idleSeconds: 0, idleSinceMs: null },
        ],
      });
      const [a] = (await svc.evaluate(restricted)).raised;
      expect(a).toMatchObject({ rule: 'restricted_zone', severity: 'critical' });
      expect(await svc.deliver()).toEqual({ delivered: 1, failed: 1 }); // mail taken, webhook 503
      at('2026-01-05T06:00:01.000Z');
      expect(await svc.deliver()).toEqual({ delivered: 0, failed: 1 }); // retried after 1 s: 503 again
      at('2026-01-05T06:00:02.500Z');
      expect(await svc.deliver()).toEqual({ delivered: 0, failed: 0 }); // the next try waits 2 s
      at('2026-01-05T06:00:03.000Z');
      expect(await svc.deliver()).toEqual({ delivered: 1, failed: 0 });
      expect(hooks).toHaveLength(3);
      for (const h of hooks) expect(h.signature).toBe(signBody(h.body, secret));
      expect(JSON.parse(hooks[2]!.body)).toMatchObject({ event: 'raised', alert: { alertId: a!.alertId } });
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatch(/Subject: \[Floorsight critical\] restricted_zone/);
      expect(mails[0]).toMatch(/To: supervisor@factory\.test/);
      expect(mails[0]).toMatch(/Content-Type: image\/jpeg; name=CAM01\.jpg/);
      const out = await svc.deliveries({ alertId: a!.alertId, limit: 10 });
      expect(out.map((d) => [d.channel, d.status, d.attempts]).sort()).toEqual([
        ['email', 'delivered', 1],
        ['webhook', 'delivered', 3],
      ]);
      // A receiver that never answers: three attempts, then dead, then replayed by an admin.
      failures = 1_000;
      at('2026-01-05T06:10:00.000Z');
      await svc.evaluate(facts(0, { cameras: [{ cameraId: 'CAM01', name: 'Demo', online: false }] }));
      at('2026-01-05T06:11:05.000Z');
      await svc.evaluate(facts(0, { cameras: [{ cameraId: 'CAM01', name: 'Demo', online: false }] }));
      for (const t of ['06:11:05.000', '06:11:06.000', '06:11:08.000', '06:11:20.000']) {
        at(`2026-01-05T${t}Z`);
        await svc.deliver();
      }
      const [dead] = await svc.deliveries({ status: 'dead', limit: 10 });
      expect(dead).toMatchObject({ channel: 'webhook', attempts: 3, lastError: 'webhook answered 503' });
      failures = 0;
      await svc.replay(dead!.deliveryId);
      expect(await svc.deliver()).toEqual({ delivered: 1, failed: 0 });
      await expect(svc.replay(dead!.deliveryId)).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      receiver.close();
      await smtp.close();
    }
  });

  it('pushes critical alerts to LINE and by SMS, in those APIs’ request shapes (local peers)', async () => {
    const seen: { path: string; auth: string | undefined; type: string | undefined; body: string }[] = [];
    const peer = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        seen.push({ path: req.url!, auth: req.headers.authorization, type: req.headers['content-type'], body });
        res.statusCode = req.url!.startsWith('/v2/') ? 200 : 201;
        res.setHeader('content-type', 'application/json');
        res.end(req.url!.startsWith('/v2/') ? '{}' : '{"sid":"SM1","status":"queued"}');
      });
    });
    await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
    const svc = createAlertsService({
      repo: createAlertsRepository(db.prisma),
      clock,
      events,
      channels: [
        createLineChannel('line-channel-access-token', base),
        createSmsChannel({ apiUrl: base, accountSid: 'AC123', authToken: 'secret-token', from: '+6620000000' }),
      ],
      routing: { webhooks: [], critical: ['line:U4af4980629', 'sms:+66812345678'] },
    });
    try {
      at('2026-01-05T07:00:00.000Z');
      await svc.evaluate(
        facts(1, {
          zones: [{ ...facts(1).zones[0]!, zoneId: 'Z02', name: 'Station 2', zoneType: 'restricted' }],
          sessions: [
            { sessionId: 'S-L', zoneId: 'Z02', workerId: 'W001', state: 'active', idleSeconds: 0, idleSinceMs: null },
          ],
        }),
      );
      expect(await svc.deliver()).toEqual({ delivered: 2, failed: 0 });
      const line = seen.find((x) => x.path === '/v2/bot/message/push')!;
      expect(line.auth).toBe('Bearer line-channel-access-token');
      expect(JSON.parse(line.body)).toMatchObject({
        to: 'U4af4980629',
        messages: [{ type: 'text', text: expect.stringMatching(/restricted zone Station 2/) }],
      });
      const sms = seen.find((x) => x.path === '/2010-04-01/Accounts/AC123/Messages.json')!;
      expect(sms.auth).toBe(`Basic ${Buffer.from('AC123:secret-token').toString('base64')}`);
      expect(sms.type).toBe('application/x-www-form-urlencoded');
      expect(Object.fromEntries(new URLSearchParams(sms.body))).toMatchObject({
        To: '+66812345678',
        From: '+6620000000',
        Body: expect.stringMatching(/^Floorsight critical: W001 in restricted zone Station 2/),
      });
    } finally {
      peer.close();
    }
  });

  it('writes the daily summary once the shift is over, stores it and e-mails it', async () => {
    await db.sql.query(
      `INSERT INTO time_logs ("timestamp", worker_id, track_id, zone_id, camera_id, state,
                              active_duration_seconds, idle_duration_seconds, index_number)
       VALUES ('2026-01-05T03:00:00Z', 'W001', 1, 'Z01', 'CAM01', 'active', 3000, 600, 2),
              ('2026-01-05T04:00:00Z', 'W002', 2, 'Z01', 'CAM01', 'idle', 1000, 1000, 3)`,
    );
    const smtp = await smtpPeer();
    const { mails, url: smtpUrl } = smtp;
    const summaries = createDailySummaries({
      repo: createDailySummaryRepository(db.prisma),
      clock,
      timeZone: 'Asia/Bangkok',
      dayPlan: async () => null,
      mailer: createEmailChannel(smtpUrl, 'floorsight@factory.test').mail,
      to: ['manager@factory.test'],
      log: createLogger('silent', new SystemLogSink()),
    });
    at('2026-01-05T09:59:00.000Z'); // 16:59 in Bangkok: not yet
    expect(await summaries.check()).toBeNull();
    at('2026-01-05T10:00:00.000Z');
    const s = await summaries.check();
    expect(s).toMatchObject({ date: '2026-01-05', activeSeconds: 4000, idleSeconds: 1600 });
    expect(s!.anomalies.total).toBeGreaterThan(0);
    expect(await summaries.check()).toBeNull(); // once a day
    await smtp.close();
    // The digest: the day's summary and its alerts below critical, as one mail.
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/To: manager@factory\.test/);
    expect(mails[0]).toMatch(/Subject: Floorsight daily summary 2026-01-05/);
    expect(mails[0]).toMatch(/Alerts below critical today \(\d+\):/);
    expect(await summaries.get('2026-01-05')).toEqual(s);
    expect(await summaries.recent(5)).toMatchObject([{ date: '2026-01-05' }]);
  });
});
