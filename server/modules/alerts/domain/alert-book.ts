import {
  evaluateRules,
  REPORTED_RULES,
  type Condition,
  type FloorFacts,
  type RuleId,
  type RuleSettings,
} from './rules.js';

export const alertKey = (c: { rule: RuleId | string; subject: string }) => `${c.rule}:${c.subject}`;

/**
 * Which alerts are open, so each (rule, subject) has exactly one until it resolves. A condition
 * raises its alert the first time it holds; the alert resolves only after the condition has been
 * gone for `clearAfterSeconds`, so a person flickering in and out of a zone does not raise it
 * again and again, and a state that lasts a while (a zone empty for 2 min) keeps its start through a
 * moment's break. Pure: time is the facts' own.
 */
export class AlertBook {
  private open = new Map<string, { goneSinceMs: number | null }>();
  private since = new Map<string, { sinceMs: number; brokenSinceMs: number | null }>();

  /** Alerts still open in the store when the server starts. */
  restore(open: readonly { rule: string; subject: string }[]): void {
    for (const o of open.filter((x) => !(REPORTED_RULES as readonly string[]).includes(x.rule))) {
      this.open.set(alertKey(o), { goneSinceMs: null });
      // A state that had lasted long enough to raise it still counts as lasting (timed rules use the same key).
      this.since.set(alertKey(o), { sinceMs: -Infinity, brokenSinceMs: null });
    }
  }

  step(facts: FloorFacts, settings: RuleSettings): { raised: Condition[]; resolved: string[] } {
    const now = facts.atMs;
    // A state that breaks off only briefly (someone walks through an empty zone) keeps its start.
    const whenSince = (key: string, holds: boolean) => {
      const t = this.since.get(key);
      if (holds) {
        if (t) t.brokenSinceMs = null;
        else this.since.set(key, { sinceMs: now, brokenSinceMs: null });
        return this.since.get(key)!.sinceMs;
      }
      if (t) {
        t.brokenSinceMs ??= now;
        if (now - t.brokenSinceMs >= settings.clearAfterSeconds * 1000) this.since.delete(key);
      }
      return null;
    };
    const holding = evaluateRules(facts, settings, whenSince);
    const keys = new Set(holding.map(alertKey));
    const raised = holding.filter((c) => !this.open.has(alertKey(c)));
    for (const c of raised) this.open.set(alertKey(c), { goneSinceMs: null });
    const resolved: string[] = [];
    for (const [key, o] of this.open) {
      if (keys.has(key)) o.goneSinceMs = null;
      else if (o.goneSinceMs === null) o.goneSinceMs = now;
      else if (now - o.goneSinceMs >= settings.clearAfterSeconds * 1000) resolved.push(key);
    }
    for (const key of resolved) this.open.delete(key);
    return { raised, resolved };
  }

  /** An alert resolved by hand: if its condition still holds, it is raised again (it is not fixed). */
  forget(key: string): void {
    this.open.delete(key);
  }
}
