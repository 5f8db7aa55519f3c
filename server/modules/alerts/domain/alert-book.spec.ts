import { describe, expect, it } from 'vitest';
import { scenarioFrames } from '../../sessions/domain/scenario.js';
import { ENGINE_DEFAULTS, SessionStream } from '../../sessions/domain/session-engine.js';
import { NO_INDICES } from '../../sessions/domain/index-calendar.js';
import { AlertBook } from './alert-book.js';
import { ESCALATION_DEFAULTS, nextEscalationAt } from './escalation.js';
import { RULE_DEFAULTS, type FloorFacts } from './rules.js';

const T0 = Date.UTC(2026, 0, 5, 2, 0, 0);
const zone = (over: Partial<FloorFacts['zones'][number]> = {}): FloorFacts['zones'][number] => ({
  zoneId: 'Z01',
  name: 'Assembly',
  cameraId: 'CAM01',
  zoneType: 'work_area',
  minWorkers: 1,
  maxWorkers: 3,
  alertOnEmpty: false,
  alertOnOverflow: true,
  present: 1,
  ...over,
});
const facts = (atMs: number, over: Partial<FloorFacts> = {}): FloorFacts => ({
  atMs,
  working: true,
  indexNumber: 1,
  zones: [zone()],
  sessions: [],
  cameras: [],
  kiosks: [],
  productivity: [],
  ...over,
});

/** The alert book run every 5 s over `seconds`, the floor at each step from `at`. */
function run(seconds: number, at: (ms: number) => FloorFacts) {
  const book = new AlertBook();
  const log: string[] = [];
  for (let s = 0; s <= seconds; s += 5) {
    const { raised, resolved } = book.step(at(T0 + s * 1000), RULE_DEFAULTS);
    for (const r of raised) log.push(`${s}s raise ${r.rule}:${r.subject}`);
    for (const r of resolved) log.push(`${s}s resolve ${r}`);
  }
  return log;
}

describe('alert rules through the session engine', () => {
  it('raises idle_too_long once, 5 min after a still person turned idle, and resolves when they move', () => {
    // One person moves 30 s, stands still 8 min, then works again: the engine says when they turned idle.
    const frames = scenarioFrames(
      {
        name: 'still worker',
        fps: 5,
        people: [
          {
            zone: 'Z01',
            enterS: 0,
            steps: [
              { do: 'move', s: 30 },
              { do: 'still', s: 480 },
              { do: 'move', s: 60 },
            ],
          },
        ],
      },
      T0,
    );
    const engine = new SessionStream('CAM01', ENGINE_DEFAULTS, NO_INDICES);
    engine.startRun(1);
    let i = 0;
    const log = run(560, (ms) => {
      while (i < frames.length && frames[i]!.ts <= ms) engine.apply(frames[i++]!);
      return facts(ms, {
        sessions: engine.open().map((x) => ({
          sessionId: 'S1',
          zoneId: x.zoneId,
          workerId: 'W001',
          state: x.state,
          idleSeconds: Math.round(x.idleMs / 1000),
          idleSinceMs: x.idleSinceMs,
        })),
      });
    });
    // Still from ~30 s, idle from ~90 s (60 s threshold), alert at 390 s; moves at 510 s, resolved 15 s later.
    expect(log).toEqual(['390s raise idle_too_long:S1', '525s resolve idle_too_long:S1']);
  });

  it('raises critical_unstaffed after 2 min empty, and does not flap while people come and go', () => {
    const present = (s: number) => (s < 60 ? 1 : s < 250 ? 0 : s < 255 ? 1 : s < 300 ? 0 : 1);
    const log = run(400, (ms) =>
      facts(ms, { zones: [zone({ zoneType: 'critical', present: present((ms - T0) / 1000) })] }),
    );
    // Empty from 60 s: raised at 180 s; a 5 s visit at 250 s does not resolve it; back for good at 300 s.
    expect(log).toEqual(['180s raise critical_unstaffed:Z01', '315s resolve critical_unstaffed:Z01']);
  });

  it('raises over_capacity only when too many stay, and each rule once per subject', () => {
    const log = run(200, (ms) => {
      const s = (ms - T0) / 1000;
      return facts(ms, { zones: [zone({ present: s >= 20 && s < 40 ? 5 : s >= 100 ? 4 : 2 })] });
    });
    // 20 s over at 20–40 s is people passing through; from 100 s it lasts: raised at 160 s, once.
    expect(log).toEqual(['160s raise over_capacity:Z01']);
  });

  it('raises restricted_zone at once, camera_offline after 60 s, kiosk_silent only during the shift', () => {
    const log = run(90, (ms) =>
      facts(ms, {
        working: ms - T0 < 40_000,
        zones: [zone({ zoneId: 'Z09', name: 'Press', zoneType: 'restricted', present: 1 })],
        sessions: [
          { sessionId: 'S9', zoneId: 'Z09', workerId: null, state: 'active', idleSeconds: 0, idleSinceMs: null },
        ],
        cameras: [{ cameraId: 'CAM02', name: 'Dock', online: false }],
        kiosks: [{ kioskId: 'K1', name: 'Line 1', lastSeenMs: T0 - 50_000 }],
      }),
    );
    expect(log).toEqual([
      '0s raise restricted_zone:S9',
      '10s raise kiosk_silent:K1',
      '55s resolve kiosk_silent:K1',
      '60s raise camera_offline:CAM02',
    ]);
  });

  it('raises low_productivity for the zone and index once the index has run 10 min below 70 %', () => {
    const log = run(30, (ms) =>
      facts(ms, { productivity: [{ zoneId: 'Z01', pct: 55, indexNumber: 3, elapsedSeconds: 590 + (ms - T0) / 1000 }] }),
    );
    expect(log).toEqual(['10s raise low_productivity:Z01#3']);
  });

  it('uses a zone’s and a camera’s own thresholds over the site’s', () => {
    const settings = {
      ...RULE_DEFAULTS,
      zones: { Z01: { idleSeconds: 60 } },
      cameras: { CAM02: { cameraOfflineSeconds: 10 } },
    };
    const book = new AlertBook();
    const f = (s: number) =>
      facts(T0 + s * 1000, {
        sessions: [{ sessionId: 'S1', zoneId: 'Z01', workerId: null, state: 'idle', idleSeconds: s, idleSinceMs: T0 }],
        cameras: [{ cameraId: 'CAM02', name: 'Dock', online: false }],
      });
    const raisedAt: Record<string, number> = {};
    for (let s = 0; s <= 90; s += 5) for (const c of book.step(f(s), settings).raised) raisedAt[c.rule] = s;
    expect(raisedAt).toEqual({ camera_offline: 10, idle_too_long: 60 });
  });

  it('keeps an alert open across a restart of the book, without raising it twice', () => {
    const book = new AlertBook();
    book.restore([{ rule: 'camera_offline', subject: 'CAM02' }]);
    const offline = (ms: number) => facts(ms, { cameras: [{ cameraId: 'CAM02', name: 'Dock', online: false }] });
    for (let s = 0; s <= 120; s += 5) expect(book.step(offline(T0 + s * 1000), RULE_DEFAULTS).raised).toEqual([]);
  });
});

describe('escalation', () => {
  const levels = ESCALATION_DEFAULTS.warning;
  const alert = { raisedAtMs: T0, level: 0, state: 'open' as const, snoozedUntilMs: null };
  it('escalates an unacknowledged warning at 5 min to supervisors, then at 15 min to admins', () => {
    expect(nextEscalationAt(alert, levels)).toEqual({ atMs: T0 + 300_000, level: levels[0] });
    expect(nextEscalationAt({ ...alert, level: 1 }, levels)?.atMs).toBe(T0 + 900_000);
    expect(nextEscalationAt({ ...alert, level: 2 }, levels)).toBeNull();
  });
  it('does not escalate what is acknowledged, and waits out a snooze', () => {
    expect(nextEscalationAt({ ...alert, state: 'acknowledged' }, levels)).toBeNull();
    expect(nextEscalationAt({ ...alert, snoozedUntilMs: T0 + 600_000 }, levels)?.atMs).toBe(T0 + 600_000);
  });
});
