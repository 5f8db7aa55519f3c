import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertsRepository } from '../../server/modules/alerts/alerts.repository.js';
import { createAlertsService } from '../../server/modules/alerts/alerts.service.js';
import { RULE_DEFAULTS, type FloorFacts } from '../../server/modules/alerts/domain/rules.js';
import { seedDemo } from '../../server/app/demo-site.repository.js';
import type { Database } from '../../server/platform/db/database.js';
import { createMemoryEventBus } from '../../server/platform/events/event-bus.js';
import { migratedTestDatabase } from '../support/postgres.js';
import { manualClock } from '../support/server.js';

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
    alerts = createAlertsService({ repo: createAlertsRepository(db.prisma), clock, events });
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
    const restarted = createAlertsService({ repo: createAlertsRepository(db.prisma), clock, events });
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
});
