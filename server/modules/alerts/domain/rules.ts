import { ALERT_RULES as RULES, type SEVERITIES } from '../../../../src/lib/protocol/alerts.js';

export type RuleId = (typeof RULES)[number];
export type Severity = (typeof SEVERITIES)[number];

/** The anomalies table grades on seed 000's scale, alerts on the alerting one. */
export const ANOMALY_SEVERITY: Record<Severity, 'low' | 'medium' | 'high' | 'critical'> = {
  info: 'low',
  warning: 'medium',
  error: 'high',
  critical: 'critical',
};

export interface RuleSettings {
  enabled: Record<RuleId, boolean>;
  severity: Record<RuleId, Severity>;
  /** idle longer than this in one session */
  idleSeconds: number;
  /** a critical zone empty longer than this */
  criticalEmptySeconds: number;
  /** a zone above its maximum or below its minimum this long (people walking through are not a breach) */
  staffingSeconds: number;
  /** productivity of a zone over the current index below this, once the index has run `productivityAfterSeconds` */
  productivityPct: number;
  productivityAfterSeconds: number;
  cameraOfflineSeconds: number;
  kioskSilentSeconds: number;
  /** a raised alert resolves once its condition has been gone this long (no flapping) */
  clearAfterSeconds: number;
  /** a zone's own thresholds, over the site's */
  zones: Record<string, Partial<Pick<RuleSettings, ZoneThreshold>>>;
  /** a camera's own offline time, over the site's */
  cameras: Record<string, Partial<Pick<RuleSettings, 'cameraOfflineSeconds'>>>;
}

type ZoneThreshold = 'idleSeconds' | 'criticalEmptySeconds' | 'staffingSeconds' | 'productivityPct';

export const RULE_DEFAULTS: RuleSettings = {
  enabled: Object.fromEntries(RULES.map((r) => [r, true])) as Record<RuleId, boolean>,
  severity: {
    idle_too_long: 'warning',
    restricted_zone: 'critical',
    critical_unstaffed: 'critical',
    over_capacity: 'warning',
    under_staffed: 'warning',
    low_productivity: 'warning',
    camera_offline: 'error',
    kiosk_silent: 'error',
    identity_conflict: 'warning',
  },
  idleSeconds: 300,
  criticalEmptySeconds: 120,
  staffingSeconds: 60,
  productivityPct: 70,
  productivityAfterSeconds: 600,
  cameraOfflineSeconds: 60,
  kioskSilentSeconds: 60,
  clearAfterSeconds: 15,
  zones: {},
  cameras: {},
};

/** What the floor looks like now, gathered by the alert job from the intake, relay and kiosks. */
export interface FloorFacts {
  atMs: number;
  /** whether a shift is running (staffing rules only apply then), and the index it is in */
  working: boolean;
  indexNumber: number | null;
  zones: {
    zoneId: string;
    name: string;
    cameraId: string;
    zoneType: string;
    minWorkers: number;
    maxWorkers: number;
    alertOnEmpty: boolean;
    alertOnOverflow: boolean;
    present: number;
  }[];
  sessions: {
    sessionId: string;
    zoneId: string;
    workerId: string | null;
    state: 'active' | 'idle';
    idleSeconds: number;
    idleSinceMs: number | null;
  }[];
  cameras: { cameraId: string; name: string; online: boolean }[];
  kiosks: { kioskId: string; name: string; lastSeenMs: number | null }[];
  /** the current index's productivity per zone, with how long the index has run */
  productivity: { zoneId: string; pct: number | null; indexNumber: number; elapsedSeconds: number }[];
}

/** One rule holding for one subject: what an open alert stands for. */
export interface Condition {
  rule: RuleId;
  /** what it is about, unique per rule: a session, a zone, a camera, a kiosk */
  subject: string;
  severity: Severity;
  zoneId: string | null;
  workerId: string | null;
  cameraId: string | null;
  message: string;
  metadata: Record<string, unknown>;
}

type TextParams = Record<string, string | number>;

/** Each rule's sentence in English, with the values pages put into the reader's language (`alerts.text.*`). */
const SENTENCES: Record<RuleId, (p: TextParams) => string> = {
  idle_too_long: (p) => `${p.who || 'someone'} idle for ${p.seconds} s in ${p.zone}`,
  restricted_zone: (p) => `${p.who || 'someone'} in restricted zone ${p.zone}`,
  critical_unstaffed: (p) => `${p.zone} has had nobody for ${p.seconds} s`,
  over_capacity: (p) => `${p.zone}: ${p.present} people, at most ${p.max}`,
  under_staffed: (p) => `${p.zone}: ${p.present} people, at least ${p.min}`,
  low_productivity: (p) => `${p.zone}: productivity ${p.pct} % in index ${p.index}, below ${p.min} %`,
  camera_offline: (p) => `Camera ${p.camera} offline for over ${p.seconds} s`,
  kiosk_silent: (p) => `Kiosk ${p.kiosk} silent for ${p.seconds} s`,
  identity_conflict: (p) =>
    `two tracks were recognised as ${p.who} (${p.weaker} and ${p.stronger}); the stronger kept the name`,
};
export const say = (rule: RuleId, text: TextParams) => ({ message: SENTENCES[rule](text), text });

/** Rules other modules report (they have no condition here to clear them): open until a person acts. */
export const REPORTED_RULES: readonly RuleId[] = ['identity_conflict'];

/**
 * Every rule that holds now. Durations are part of the conditions (idle for 300 s, offline for 60 s),
 * measured from the facts' own timestamps; `whenSince` tracks the staffing rules, which have no
 * timestamp of their own: it returns since when a (rule, subject) has held, remembered by the caller.
 */
export function evaluateRules(
  f: FloorFacts,
  s: RuleSettings,
  whenSince: (key: string, holds: boolean) => number | null,
): Condition[] {
  const out: Condition[] = [];
  const zone = new Map(f.zones.map((z) => [z.zoneId, z]));
  const zs = (zoneId: string) => ({ ...s, ...s.zones[zoneId] });
  const cs = (cameraId: string) => ({ ...s, ...s.cameras[cameraId] });
  const add = (c: Omit<Condition, 'severity' | 'message'> & { message: string; text: TextParams }) => {
    const { text, ...rest } = c;
    if (s.enabled[c.rule]) out.push({ ...rest, metadata: { ...c.metadata, text }, severity: s.severity[c.rule] });
  };
  const held = (key: string, holds: boolean, seconds: number) => {
    const since = whenSince(key, holds);
    return holds && since !== null && f.atMs - since >= seconds * 1000;
  };

  for (const x of f.sessions) {
    const z = zone.get(x.zoneId);
    if (x.state === 'idle' && x.idleSinceMs !== null && f.atMs - x.idleSinceMs >= zs(x.zoneId).idleSeconds * 1000)
      add({
        rule: 'idle_too_long',
        subject: x.sessionId,
        zoneId: x.zoneId,
        workerId: x.workerId,
        cameraId: z?.cameraId ?? null,
        ...say('idle_too_long', {
          who: x.workerId ?? '',
          seconds: Math.round((f.atMs - x.idleSinceMs) / 1000),
          zone: z?.name ?? x.zoneId,
        }),
        metadata: { idleSeconds: Math.round((f.atMs - x.idleSinceMs) / 1000) },
      });
    if (z?.zoneType === 'restricted')
      add({
        rule: 'restricted_zone',
        subject: x.sessionId,
        zoneId: x.zoneId,
        workerId: x.workerId,
        cameraId: z.cameraId,
        ...say('restricted_zone', { who: x.workerId ?? '', zone: z.name }),
        metadata: {},
      });
  }

  for (const z of f.zones) {
    const base = { subject: z.zoneId, zoneId: z.zoneId, workerId: null, cameraId: z.cameraId };
    const empty = f.working && (z.zoneType === 'critical' || z.alertOnEmpty) && z.present === 0;
    const t = zs(z.zoneId);
    if (held(`critical_unstaffed:${z.zoneId}`, empty, t.criticalEmptySeconds))
      add({
        ...base,
        rule: 'critical_unstaffed',
        ...say('critical_unstaffed', { zone: z.name, seconds: t.criticalEmptySeconds }),
        metadata: {},
      });
    const over = z.alertOnOverflow && z.present > z.maxWorkers;
    if (held(`over_capacity:${z.zoneId}`, over, t.staffingSeconds))
      add({
        ...base,
        rule: 'over_capacity',
        ...say('over_capacity', { zone: z.name, present: z.present, max: z.maxWorkers }),
        metadata: { present: z.present, maxWorkers: z.maxWorkers },
      });
    const under = f.working && z.zoneType !== 'restricted' && z.present < z.minWorkers && !empty;
    if (held(`under_staffed:${z.zoneId}`, under, t.staffingSeconds))
      add({
        ...base,
        rule: 'under_staffed',
        ...say('under_staffed', { zone: z.name, present: z.present, min: z.minWorkers }),
        metadata: { present: z.present, minWorkers: z.minWorkers },
      });
  }

  for (const p of f.productivity) {
    const z = zone.get(p.zoneId);
    const min = zs(p.zoneId).productivityPct;
    if (p.pct === null || p.elapsedSeconds < s.productivityAfterSeconds || p.pct >= min) continue;
    add({
      rule: 'low_productivity',
      subject: `${p.zoneId}#${p.indexNumber}`,
      zoneId: p.zoneId,
      workerId: null,
      cameraId: z?.cameraId ?? null,
      ...say('low_productivity', {
        zone: z?.name ?? p.zoneId,
        pct: p.pct,
        index: p.indexNumber,
        min,
      }),
      metadata: { pct: p.pct, indexNumber: p.indexNumber },
    });
  }

  for (const c of f.cameras) {
    const offline = cs(c.cameraId).cameraOfflineSeconds;
    if (!held(`camera_offline:${c.cameraId}`, !c.online, offline)) continue;
    add({
      rule: 'camera_offline',
      subject: c.cameraId,
      zoneId: null,
      workerId: null,
      cameraId: c.cameraId,
      ...say('camera_offline', { camera: c.name, seconds: offline }),
      metadata: {},
    });
  }

  for (const k of f.kiosks) {
    // A kiosk that never connected is not set up yet; one switched off after the shift is not news.
    if (!f.working || k.lastSeenMs === null || f.atMs - k.lastSeenMs < s.kioskSilentSeconds * 1000) continue;
    add({
      rule: 'kiosk_silent',
      subject: k.kioskId,
      zoneId: null,
      workerId: null,
      cameraId: null,
      ...say('kiosk_silent', { kiosk: k.name, seconds: Math.round((f.atMs - k.lastSeenMs) / 1000) }),
      metadata: {},
    });
  }
  return out;
}
