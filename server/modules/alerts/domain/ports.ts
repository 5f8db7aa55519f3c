import type { AlertDto, AlertHistoryDto, AlertQuery } from '../../../../src/lib/protocol/alerts.js';
import type { EscalationPolicies } from './escalation.js';
import type { Condition, RuleSettings } from './rules.js';

export interface AnomalyDto {
  anomalyId: number;
  at: string;
  type: string;
  severity: string;
  zoneId: string | null;
  workerId: string | null;
  cameraId: string | null;
  indexNumber: number | null;
  description: string | null;
  resolved: boolean;
}

/** The ways an alert reaches people beyond the app. */
export const CHANNELS = ['webhook', 'email', 'line', 'sms'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export interface DeliveryDto {
  deliveryId: string;
  alertId: number;
  channel: ChannelName;
  recipient: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  deliveredAt: string | null;
  payload: unknown;
}

export interface AlertsRepository {
  /** (rule, subject) of every alert not resolved */
  openKeys(): Promise<{ rule: string; subject: string }[]>;
  /** the alert, its anomalies row and its first history step, in one transaction */
  raise(c: Condition, at: Date, indexNumber: number | null, nextEscalationAt: Date | null): Promise<AlertDto>;
  /** resolves the open alert of (rule, subject), if any */
  autoResolve(rule: string, subject: string, at: Date): Promise<AlertDto | null>;
  list(q: AlertQuery): Promise<{ items: AlertDto[]; total: number }>;
  get(alertId: number): Promise<(AlertDto & { history: AlertHistoryDto[] }) | null>;
  acknowledge(alertId: number, by: string, note: string | null, at: Date): Promise<AlertDto | null>;
  snooze(alertId: number, by: string, until: Date, nextEscalationAt: Date | null, at: Date): Promise<AlertDto | null>;
  resolve(
    alertId: number,
    by: string,
    resolution: string,
    rootCause: string | null,
    at: Date,
  ): Promise<AlertDto | null>;
  /** open alerts whose next escalation is due */
  dueEscalations(at: Date): Promise<AlertDto[]>;
  escalate(alertId: number, level: number, recipients: string[], at: Date, nextAt: Date | null): Promise<void>;
  openCount(): Promise<number>;
  enqueue(
    d: { alertId: number; channel: DeliveryDto['channel']; recipient: string; payload: object },
    at: Date,
  ): Promise<void>;
  dueDeliveries(at: Date): Promise<DeliveryDto[]>;
  delivered(deliveryId: string, attempts: number, at: Date): Promise<void>;
  /** a failed attempt: tried again at `nextAt`, or dead when null */
  failed(deliveryId: string, attempts: number, error: string, nextAt: Date | null): Promise<void>;
  deliveries(q: { alertId?: number; status?: DeliveryDto['status']; limit: number }): Promise<DeliveryDto[]>;
  /** a dead delivery back in the queue, from its first attempt; false when it is not dead */
  replay(deliveryId: string, at: Date): Promise<boolean>;
  anomalies(q: Pick<AlertQuery, 'from' | 'to' | 'zone' | 'worker' | 'limit' | 'offset'>): Promise<AnomalyDto[]>;
  ruleSettings(): Promise<Partial<RuleSettings>>;
  putRuleSettings(s: RuleSettings, by: string): Promise<void>;
  escalationPolicies(): Promise<Partial<EscalationPolicies>>;
  putEscalationPolicies(p: EscalationPolicies, by: string): Promise<void>;
}
