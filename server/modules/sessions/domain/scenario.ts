import { z } from 'zod';
import type { ObservationFrame } from '../../../../src/lib/protocol/observations.js';
import { NO_INDICES } from './index-calendar.js';
import { ENGINE_DEFAULTS, SessionStream, type EngineSettings, type SessionRecord } from './session-engine.js';

/**
 * Scripted people with known truth, for checking the session engine (`npm run eval:sessions`).
 * Each person enters a zone at `enterS` and follows their steps; after the last step they are gone.
 */
const Step = z.discriminatedUnion('do', [
  z.object({ do: z.literal('move'), s: z.number().positive() }),
  z.object({ do: z.literal('still'), s: z.number().positive() }),
  z.object({
    do: z.literal('occluded'),
    s: z.number().positive(),
    moving: z.boolean().default(false),
    newTrack: z.boolean().default(false),
  }),
  z.object({ do: z.literal('outside'), s: z.number().positive(), newTrack: z.boolean().default(false) }),
  z.object({ do: z.literal('zone'), zone: z.string().min(1).max(50) }),
]);

export const Scenario = z.object({
  name: z.string().min(1),
  fps: z.number().positive().max(60).default(15),
  idleThresholdS: z.number().positive().default(60),
  /** share of frames in which the detector misses a visible person */
  dropRate: z.number().min(0).max(0.5).default(0),
  /** frame capture times wander by up to this much */
  jitterMs: z.number().min(0).max(50).default(0),
  seed: z.number().int().default(1),
  people: z
    .array(z.object({ zone: z.string().min(1).max(50), enterS: z.number().min(0), steps: z.array(Step).min(1) }))
    .min(1),
});
export type Scenario = z.input<typeof Scenario>;
type ParsedScenario = z.output<typeof Scenario>;

interface TruthSession {
  person: number;
  zone: string;
  startMs: number;
  endMs: number;
  activeMs: number;
  idleMs: number;
}

interface Segment {
  person: number;
  fromMs: number;
  toMs: number;
  zone: string | null;
  visible: boolean;
  moving: boolean;
  trackId: number;
}

const EPOCH = Date.UTC(2026, 0, 5, 8, 0, 0);

/** Each person's timeline as segments, and the sessions the seed's rules make of it. */
function script(sc: ParsedScenario, epoch: number) {
  const segments: Segment[] = [];
  const truth: TruthSession[] = [];
  let nextTrack = 1;
  sc.people.forEach((p, person) => {
    let t = epoch + p.enterS * 1000;
    let zone: string | null = p.zone;
    let trackId = nextTrack++;
    let lastMove = t;
    let open: TruthSession | null = { person, zone: p.zone, startMs: t, endMs: t, activeMs: 0, idleMs: 0 };
    const idleAfter = sc.idleThresholdS * 1000;
    const close = () => {
      if (open) truth.push(open);
      open = null;
    };
    const spend = (ms: number, moving: boolean) => {
      if (open) {
        // Active until still for the idle threshold, idle from then on (seed 000 phase 6).
        const activeEnd = moving ? t + ms : Math.min(t + ms, Math.max(t, lastMove + idleAfter));
        open.activeMs += activeEnd - t;
        open.idleMs += t + ms - activeEnd;
        open.endMs = t + ms;
      }
      if (moving) lastMove = t + ms;
    };
    for (const st of p.steps) {
      if (st.do === 'zone') {
        close();
        zone = st.zone;
        open = { person, zone, startMs: t, endMs: t, activeMs: 0, idleMs: 0 };
        continue;
      }
      const ms = st.s * 1000;
      if (st.do === 'outside') {
        close();
        segments.push({ person, fromMs: t, toMs: t + ms, zone: null, visible: true, moving: true, trackId });
        if (st.newTrack) trackId = nextTrack++;
        lastMove = t + ms;
        t += ms;
        open = { person, zone: zone!, startMs: t, endMs: t, activeMs: 0, idleMs: 0 };
        continue;
      }
      const moving = st.do === 'move' || (st.do === 'occluded' && st.moving);
      segments.push({ person, fromMs: t, toMs: t + ms, zone, visible: st.do !== 'occluded', moving, trackId });
      spend(ms, moving);
      if (st.do === 'occluded' && st.newTrack) trackId = nextTrack++;
      t += ms;
    }
    close();
  });
  return { segments, truth: truth.filter((s) => s.endMs > s.startMs) };
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Every frame a kiosk would send for the scenario, with whoever is visible in it. */
function framesOf(sc: ParsedScenario, segments: readonly Segment[], epoch: number): ObservationFrame[] {
  const random = rng(sc.seed);
  const end = Math.max(...segments.map((s) => s.toMs)) + 10_000;
  const step = 1000 / sc.fps;
  const frames: ObservationFrame[] = [];
  let last = 0;
  for (let k = 0; epoch + k * step < end; k++) {
    const nominal = epoch + k * step;
    const ts = Math.max(last + 1, Math.round(nominal + (random() * 2 - 1) * sc.jitterMs));
    last = ts;
    const tracks = segments
      .filter((s) => s.visible && s.fromMs <= nominal && nominal < s.toMs && random() >= sc.dropRate)
      .map((s) => {
        // Each person has a spot of their own; walking people sway around it.
        const x = 0.1 + 0.15 * s.person + (s.moving ? 0.02 * Math.sin(k / 3) : 0);
        const y = s.zone === null ? 0.2 : 0.5;
        return {
          trackId: s.trackId,
          box: [x, y, x + 0.05, y + 0.2] as [number, number, number, number],
          zoneId: s.zone,
          motion: s.moving ? 0.3 : 0,
          moving: s.moving,
        };
      });
    frames.push({ ts, tracks });
  }
  return frames;
}

export interface SessionError {
  person: number;
  zone: string;
  truth: { dwellS: number; activeS: number; idleS: number };
  engine: { dwellS: number; activeS: number; idleS: number; sessions: number };
}

export interface ScenarioResult {
  name: string;
  sessions: SessionError[];
  activeErrorPct: number;
  idleErrorPct: number;
  maxDwellErrorS: number;
}

/** The frames a kiosk would send for a scenario starting at `epochMs`. */
export function scenarioFrames(input: Scenario, epochMs = EPOCH): ObservationFrame[] {
  const sc = Scenario.parse(input);
  return framesOf(sc, script(sc, epochMs).segments, epochMs);
}

/**
 * Runs a scenario through the engine and compares with the truth. Engine sessions are matched to the
 * truth session of the same person and zone they overlap most; errors are percentages of the truth's total
 * active (idle) time, or of its total time in zones when the truth has none.
 */
export function runScenario(input: Scenario, settings: Partial<EngineSettings> = {}): ScenarioResult {
  const sc = Scenario.parse(input);
  const { segments, truth } = script(sc, EPOCH);
  const stream = new SessionStream(
    'CAM',
    { ...ENGINE_DEFAULTS, idleThresholdMs: sc.idleThresholdS * 1000, ...settings },
    NO_INDICES,
  );
  stream.startRun(1);
  for (const f of framesOf(sc, segments, EPOCH)) stream.apply(f);
  stream.closeAll('completed');
  const found: SessionRecord[] = stream.drain().sessions;
  const personOf = new Map(segments.map((s) => [s.trackId, s.person]));
  const overlap = (e: SessionRecord, t: TruthSession) =>
    e.zoneId === t.zone && personOf.get(e.trackId) === t.person
      ? Math.min(e.exitMs!, t.endMs) - Math.max(e.entryMs, t.startMs)
      : -Infinity;
  const matched = new Map<TruthSession, SessionRecord[]>(truth.map((t) => [t, []]));
  const phantoms: SessionRecord[] = [];
  for (const e of found) {
    const best = truth.reduce<TruthSession | null>((b, t) => (!b || overlap(e, t) > overlap(e, b) ? t : b), null);
    if (best && overlap(e, best) > -Infinity) matched.get(best)!.push(e);
    else phantoms.push(e);
  }
  const sessions: SessionError[] = truth.map((t) => {
    const es = matched.get(t)!;
    const sum = (f: (e: SessionRecord) => number) => es.reduce((a, e) => a + f(e), 0) / 1000;
    return {
      person: t.person,
      zone: t.zone,
      truth: { dwellS: (t.endMs - t.startMs) / 1000, activeS: t.activeMs / 1000, idleS: t.idleMs / 1000 },
      engine: {
        dwellS: sum((e) => e.exitMs! - e.entryMs),
        activeS: sum((e) => e.activeMs),
        idleS: sum((e) => e.idleMs),
        sessions: es.length,
      },
    };
  });
  const total = (f: (s: SessionError) => number) => sessions.reduce((a, s) => a + f(s), 0);
  const truthAll = total((s) => s.truth.dwellS);
  const pct = (truthS: number, engineS: number) =>
    (Math.abs(engineS - truthS) / (truthS > 0 ? truthS : Math.max(truthAll, 1))) * 100;
  return {
    name: sc.name,
    sessions,
    activeErrorPct: pct(
      total((s) => s.truth.activeS),
      total((s) => s.engine.activeS),
    ),
    idleErrorPct: pct(
      total((s) => s.truth.idleS),
      total((s) => s.engine.idleS),
    ),
    // A phantom session (one no truth explains) is a dwell error as large as itself.
    maxDwellErrorS: Math.max(
      ...sessions.map((s) => Math.abs(s.engine.dwellS - s.truth.dwellS)),
      ...phantoms.map((e) => (e.exitMs! - e.entryMs) / 1000),
    ),
  };
}
