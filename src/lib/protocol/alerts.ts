import { z } from 'zod';

export const ALERT_STATES = ['open', 'acknowledged', 'resolved'] as const;
export const SEVERITIES = ['info', 'warning', 'error', 'critical'] as const;

export interface AlertDto {
  alertId: number;
  rule: string;
  subject: string;
  severity: (typeof SEVERITIES)[number];
  state: (typeof ALERT_STATES)[number];
  zoneId: string | null;
  workerId: string | null;
  cameraId: string | null;
  message: string;
  raisedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  actionTaken: string | null;
  snoozedUntil: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  rootCause: string | null;
  autoResolved: boolean;
  escalationLevel: number;
  nextEscalationAt: string | null;
  metadata: Record<string, unknown>;
}

export interface AlertHistoryDto {
  at: string;
  action: string;
  actor: string | null;
  level: number | null;
  note: string | null;
}

const Id = z.string().trim().min(1).max(50);
const IsoTime = z.iso.datetime({ offset: true });

export const AlertQuery = z.object({
  state: z.enum(ALERT_STATES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  zone: Id.optional(),
  worker: Id.optional(),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AlertQuery = z.infer<typeof AlertQuery>;

export const AcknowledgeRequest = z.object({ note: z.string().trim().max(2000).optional() });
export const SnoozeRequest = z.object({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export const ResolveRequest = z.object({
  resolution: z.string().trim().min(1).max(2000),
  rootCause: z.string().trim().max(2000).optional(),
});

const Severity = z.enum(SEVERITIES);
/** The rules the floor is watched by (seed 000 phase 6.5). */
export const ALERT_RULES = [
  'idle_too_long',
  'restricted_zone',
  'critical_unstaffed',
  'over_capacity',
  'under_staffed',
  'low_productivity',
  'camera_offline',
  'kiosk_silent',
  'identity_conflict',
] as const;
const Rule = z.enum(ALERT_RULES);
export const AlertRuleSettings = z.object({
  enabled: z.record(Rule, z.boolean()),
  severity: z.record(Rule, Severity),
  idleSeconds: z.number().int().min(10).max(86_400),
  criticalEmptySeconds: z.number().int().min(0).max(86_400),
  staffingSeconds: z.number().int().min(0).max(86_400),
  productivityPct: z.number().min(0).max(100),
  productivityAfterSeconds: z.number().int().min(0).max(86_400),
  cameraOfflineSeconds: z.number().int().min(5).max(86_400),
  kioskSilentSeconds: z.number().int().min(5).max(86_400),
  clearAfterSeconds: z.number().int().min(0).max(3600),
  zones: z
    .record(
      Id,
      z.object({
        idleSeconds: z.number().int().min(10).max(86_400).optional(),
        criticalEmptySeconds: z.number().int().min(0).max(86_400).optional(),
        staffingSeconds: z.number().int().min(0).max(86_400).optional(),
        productivityPct: z.number().min(0).max(100).optional(),
      }),
    )
    .default({}),
  cameras: z.record(Id, z.object({ cameraOfflineSeconds: z.number().int().min(5).max(86_400).optional() })).default({}),
});

const Level = z.object({
  level: z.number().int().min(1).max(10),
  afterMinutes: z
    .number()
    .min(0)
    .max(24 * 60),
  recipients: z.array(z.string().trim().min(1).max(100)).max(50),
});
export const EscalationPoliciesInput = z.record(Severity, z.array(Level).max(10));
