import type { AlertDto } from '../../../src/lib/protocol/alerts.js';
import type { CameraStatusEvent } from '../../../src/lib/protocol/media.js';
import type { IndexStateDto } from '../../../src/lib/protocol/schedule.js';

/** A person's time in one zone, as the session events carry it. Times are epoch ms. */
export interface SessionEventBody {
  sessionId: string;
  cameraId: string;
  zoneId: string;
  trackId: number;
  workerId: string | null;
  state: 'active' | 'idle';
  indexNumber: number | null;
  activeSeconds: number;
  idleSeconds: number;
  atMs: number;
}

/**
 * Every event the modules publish, by name, with the module that owns it. Payloads are plain JSON
 * (they cross processes through Redis).
 */
export interface FloorEvents {
  /** sessions: a session was stored for the first time */
  'session.opened': SessionEventBody;
  /** sessions: a stored session went from active to idle or back */
  'session.state_changed': SessionEventBody;
  /** sessions: a session ended (`completed`: the person left; `interrupted`: the stream stopped) */
  'session.closed': SessionEventBody & { status: 'completed' | 'interrupted' };
  /** sessions: a kiosk camera stream's batches up to `committedSeq` are stored */
  'observations.committed': { kioskId: string; cameraId: string; committedSeq: number };
  /** schedule: the day's state moved (an index began, a break, the shift ended) */
  'index.changed': IndexStateDto;
  /** schedule: a day's schedule, the weekly default or a break changed */
  'schedule.changed': { date: string };
  /** cameras: a camera went online, offline or into error */
  'camera.status_changed': CameraStatusEvent;
  /** zones: a camera's zone layout changed */
  'zones.changed': { cameraId: string };
  /** identity: the gallery kiosks match faces against changed (enrolment, consent, mode, retention) */
  'identity.changed': { workerIds: string[] };
  /** sessions: one worker recognised on two tracks at once; the weaker lost the name */
  'identity.conflict': { workerId: string; zoneId: string | null; cameraId: string; weaker: number; stronger: number };
  /** alerts: an alert was raised, acknowledged, snoozed, escalated or resolved (its state now) */
  'alert.changed': AlertDto;
  /** alerts: an unacknowledged alert went up its escalation tree to these recipients */
  'alert.escalated': { alert: AlertDto; level: number; recipients: string[] };
  /** access: a principal's credentials no longer hold (revoked, deactivated, role changed) */
  'credentials.revoked': { principalId: string };
}

export type FloorEventName = keyof FloorEvents;
