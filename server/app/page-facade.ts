import type { Principal } from '../../src/lib/protocol/auth.js';
import type { HealthReport } from '../../src/lib/protocol/health.js';
import type { FloorLive } from '../../src/lib/protocol/observations.js';
import type { BreakOverrideInput, IndexStateDto, ScheduleInput, TimelineDto } from '../../src/lib/protocol/schedule.js';
import type { LayoutDto, TemplateDto, VersionDto } from '../../src/lib/protocol/zones.js';
import { sessionCookie } from '../modules/access/index.js';
import type { CameraSummary } from '../modules/catalog/index.js';
import { SCHEDULE_ACCESS } from '../modules/schedule/index.js';
import { checkAccess, SESSION_COOKIE } from '../platform/http/guard.js';
import type { Services } from './compose.js';

export type ScheduleAction = keyof typeof SCHEDULE_ACCESS;

/** A camera as the calibration wizard shows it. */
export interface CameraDetail extends CameraSummary {
  picture: { brightness: number; contrast: number; calibratedAt: string | null };
}

/**
 * All the server the pages may reach: what they read and the few changes their forms make, each
 * checked as the API checks it. Pages import this file's types only; the object is built here and
 * put on `event.locals` by `src/hooks.server.ts`.
 */
/** The first-run steps, each ticked from what the database holds. */
export interface SetupChecklist {
  camera: boolean;
  zones: boolean;
  schedule: boolean;
  kiosk: boolean;
  enrolled: boolean;
}

export interface PageFacade {
  timeZone: string;
  now(): Date;
  health(): Promise<HealthReport>;
  kioskDetector: string;
  maxZonesPerCamera: number;
  /** checks the password and returns the cookie to set */
  login(
    username: string,
    password: string,
    clientKey: string,
  ): Promise<{ name: string; value: string; options: ReturnType<typeof sessionCookie> }>;
  cameras(): Promise<CameraSummary[]>;
  camera(cameraId: string): Promise<CameraDetail | null>;
  zoneCounts(): Promise<Record<string, number>>;
  layout(cameraId: string): Promise<Omit<LayoutDto, 'cameraId' | 'warnings'>>;
  zoneTemplates(): Promise<TemplateDto[]>;
  zoneVersions(cameraId: string): Promise<VersionDto[]>;
  floor(): FloorLive;
  checklist(): Promise<SetupChecklist>;
  schedules: {
    today(): string;
    timeline(date: string): Promise<TimelineDto>;
    currentIndex(): Promise<IndexStateDto>;
    /** whether the caller may do this, by the API's own access list */
    allowed(principal: Principal | null, action: ScheduleAction): boolean;
    put(date: string, input: ScheduleInput, userId: string): Promise<unknown>;
    putTemplate(weekday: number, input: ScheduleInput, userId: string): Promise<unknown>;
    overrideBreak(input: BreakOverrideInput, userId: string): Promise<unknown>;
  };
}

export function createPageFacade(s: Services): PageFacade {
  return {
    timeZone: s.timeZone,
    now: () => s.clock.now(),
    health: () => s.health(),
    kioskDetector: s.kiosk.detector,
    maxZonesPerCamera: s.maxZonesPerCamera,
    async login(username, password, clientKey) {
      const session = await s.auth.login(username, password, clientKey);
      return { name: SESSION_COOKIE, value: session.token, options: sessionCookie(s.cookieSecure, session.maxAgeSec) };
    },
    cameras: () => s.catalog.listCameras(),
    async camera(cameraId) {
      const found = await s.catalog.findCamera(cameraId);
      if (!found) return null;
      const { calibrationParams, ...c } = found;
      const p = (calibrationParams ?? {}) as { brightness?: number; contrast?: number; calibratedAt?: string };
      return {
        ...c,
        picture: { brightness: p.brightness ?? 0, contrast: p.contrast ?? 1, calibratedAt: p.calibratedAt ?? null },
      };
    },
    async zoneCounts() {
      const counts: Record<string, number> = {};
      for (const z of await s.catalog.listZones()) if (z.active) counts[z.cameraId] = (counts[z.cameraId] ?? 0) + 1;
      return counts;
    },
    layout: (cameraId) => s.zones.layout(cameraId),
    zoneTemplates: () => s.zones.templates(),
    zoneVersions: (cameraId) => s.zones.versions(cameraId),
    floor: () => s.intake.floor(),
    async checklist() {
      const [cameras, zones, timeline, kiosks, enrolled] = await Promise.all([
        s.catalog.listCameras(),
        s.catalog.listZones(),
        s.schedules.timeline(s.schedules.today()).catch(() => null),
        s.auth.listKiosks(),
        s.identity.nameable().then((n) => n.some((w) => w.by.includes('face'))),
      ]);
      return {
        camera: cameras.some((c) => c.status !== 'inactive'),
        zones: zones.some((z) => z.active),
        // The weekly default is there from the start; a schedule set for a day is someone's decision.
        schedule: timeline?.source === 'date',
        kiosk: kiosks.some((k) => !k.revokedAt),
        enrolled,
      };
    },
    schedules: {
      today: () => s.schedules.today(),
      timeline: (date) => s.schedules.timeline(date),
      currentIndex: () => s.schedules.currentIndex(),
      allowed(principal, action) {
        try {
          checkAccess(principal, SCHEDULE_ACCESS[action]);
          return true;
        } catch {
          return false;
        }
      },
      put: (date, input, userId) => s.schedules.put(date, input, userId),
      putTemplate: (weekday, input, userId) => s.schedules.putTemplate(weekday, input, userId),
      overrideBreak: (input, userId) => s.schedules.overrideBreak(input, userId),
    },
  };
}
