import type { Severity } from './rules.js';

/** One step of an escalation tree: who is told, how long after the alert was raised. */
export interface EscalationLevel {
  level: number;
  afterMinutes: number;
  /** roles (`role:supervisor`) or user ids told at this level */
  recipients: string[];
}

export type EscalationPolicies = Record<Severity, EscalationLevel[]>;

/** Seed 001's tree: supervisors after 5 min unacknowledged, admins after 15; critical faster. */
export const ESCALATION_DEFAULTS: EscalationPolicies = {
  info: [],
  warning: [
    { level: 1, afterMinutes: 5, recipients: ['role:supervisor'] },
    { level: 2, afterMinutes: 15, recipients: ['role:admin'] },
  ],
  error: [
    { level: 1, afterMinutes: 5, recipients: ['role:supervisor'] },
    { level: 2, afterMinutes: 15, recipients: ['role:admin'] },
  ],
  critical: [
    { level: 1, afterMinutes: 2, recipients: ['role:supervisor'] },
    { level: 2, afterMinutes: 5, recipients: ['role:admin'] },
  ],
};

/**
 * When an open alert escalates next, from its state in the store (so a restart loses no timer):
 * the next level's time after it was raised, pushed past a snooze; null when it is acknowledged,
 * resolved or at its last level.
 */
export function nextEscalationAt(
  a: { raisedAtMs: number; level: number; state: 'open' | 'acknowledged' | 'resolved'; snoozedUntilMs: number | null },
  levels: readonly EscalationLevel[],
): { atMs: number; level: EscalationLevel } | null {
  if (a.state !== 'open') return null;
  const next = [...levels].sort((x, y) => x.level - y.level).find((l) => l.level > a.level);
  if (!next) return null;
  return { atMs: Math.max(a.raisedAtMs + next.afterMinutes * 60_000, a.snoozedUntilMs ?? 0), level: next };
}
