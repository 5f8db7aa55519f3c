import type { AlertDto, AlertQuery } from '../../../src/lib/protocol/alerts.js';
import type { Principal } from '../../../src/lib/protocol/auth.js';
import { isDomainError, NotFound } from '../../../src/lib/shared/errors.js';
import type { Clock } from '../../platform/domain/clock.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import { AlertBook } from './domain/alert-book.js';
import { ESCALATION_DEFAULTS, nextEscalationAt, type EscalationPolicies } from './domain/escalation.js';
import type { AlertChannel, AlertMessage } from './channels/channel.js';
import { CHANNELS, type AlertsRepository, type ChannelName } from './domain/ports.js';
import { RULE_DEFAULTS, say, type FloorFacts, type RuleId, type RuleSettings } from './domain/rules.js';

/**
 * Who is told what beyond the app: every alert to the webhooks; critical ones at once to `critical`
 * (recipients as in an escalation tree: `email:…`, `sms:+66…`, `line:U…`, `webhook:https://…`).
 */
export interface AlertRouting {
  webhooks: string[];
  critical: string[];
}

export interface AlertsDeps {
  repo: AlertsRepository;
  clock: Clock;
  events: Pick<EventBus, 'publish'>;
  channels: readonly AlertChannel[];
  routing: AlertRouting;
}

/** Attempts per delivery, and the wait before each retry: 1 s, then 2 s (exponential). */
export const DELIVERY_ATTEMPTS = 3;
const retryAfterMs = (attempts: number) => 1000 * 2 ** (attempts - 1);

/** A recipient as a channel and an address (`email:a@b`, `sms:+66…`); roles (`role:…`) are told in the app. */
function outbound(recipient: string): { channel: ChannelName; to: string } | null {
  const m = /^([a-z]+):(.+)$/.exec(recipient);
  return m && (CHANNELS as readonly string[]).includes(m[1]!) ? { channel: m[1] as ChannelName, to: m[2]! } : null;
}

/**
 * Alerts from what the floor shows, and what people do with them. `evaluate` turns the floor's facts
 * into raised and resolved alerts (one per rule and subject); `escalate` moves unacknowledged ones up
 * their severity's tree. Both read and write the state in the database, so a restart loses no alert
 * and no escalation timer.
 */
export function createAlertsService(d: AlertsDeps) {
  const book = new AlertBook();
  let restored = false;
  const now = () => d.clock.now();

  async function settings(): Promise<RuleSettings> {
    const s = await d.repo.ruleSettings();
    return {
      ...RULE_DEFAULTS,
      ...s,
      enabled: { ...RULE_DEFAULTS.enabled, ...s.enabled },
      severity: { ...RULE_DEFAULTS.severity, ...s.severity },
    };
  }
  async function policies(): Promise<EscalationPolicies> {
    return { ...ESCALATION_DEFAULTS, ...(await d.repo.escalationPolicies()) };
  }
  const firstEscalation = async (severity: AlertDto['severity'], raisedAtMs: number) =>
    nextEscalationAt({ raisedAtMs, level: 0, state: 'open', snoozedUntilMs: null }, (await policies())[severity]);
  const has = (name: string) => d.channels.some((c) => c.name === name);
  async function send(message: AlertMessage, to: { channel: ChannelName; to: string }[]) {
    for (const t of to.filter((x) => has(x.channel)))
      await d.repo.enqueue(
        { alertId: message.alert.alertId, channel: t.channel, recipient: t.to, payload: message },
        now(),
      );
  }
  const changed = (a: AlertDto | null) => {
    if (a) d.events.publish('alert.changed', a);
    return a;
  };

  async function found<T>(p: Promise<T | null>, alertId: number): Promise<T> {
    const r = await p;
    if (!r) throw new NotFound(`open alert ${alertId}`);
    return r;
  }

  return {
    settings,
    policies,
    async putSettings(s: RuleSettings, by: Principal) {
      await d.repo.putRuleSettings(s, by.id);
      return settings();
    },
    async putPolicies(p: EscalationPolicies, by: Principal) {
      await d.repo.putEscalationPolicies(p, by.id);
      return policies();
    },

    async evaluate(facts: FloorFacts): Promise<{ raised: AlertDto[]; resolved: AlertDto[] }> {
      if (!restored) {
        book.restore(await d.repo.openKeys());
        restored = true;
      }
      const step = book.step(facts, await settings());
      const at = new Date(facts.atMs);
      const raised: AlertDto[] = [];
      for (const [k, c] of step.raised.entries()) {
        let a: AlertDto;
        try {
          const next = await firstEscalation(c.severity, facts.atMs);
          a = changed(await d.repo.raise(c, at, facts.indexNumber, next && new Date(next.atMs)))!;
        } catch (err) {
          // Not stored, so not open: the next round raises these again.
          for (const left of step.raised.slice(k)) book.forget(`${left.rule}:${left.subject}`);
          throw err;
        }
        raised.push(a);
        await send({ event: 'raised', level: 0, alert: a }, [
          ...d.routing.webhooks.map((to) => ({ channel: 'webhook' as const, to })),
          ...(a.severity === 'critical' ? d.routing.critical.map(outbound).filter((x) => x !== null) : []),
        ]);
      }
      const resolved: AlertDto[] = [];
      for (const [k, key] of step.resolved.entries()) {
        const [rule, ...subject] = key.split(':');
        try {
          const r = changed(await d.repo.autoResolve(rule!, subject.join(':'), at));
          if (r) resolved.push(r);
        } catch (err) {
          // Still open in the store: the book keeps them open, to resolve them next round.
          book.restore(
            step.resolved.slice(k).map((x) => ({ rule: x.split(':')[0]!, subject: x.split(':').slice(1).join(':') })),
          );
          throw err;
        }
      }
      return { raised, resolved };
    },

    /**
     * An anomaly another module found (an identity conflict): an alert and its anomalies row, open
     * until a person acts, one per (rule, subject) like every alert.
     */
    async report(r: {
      rule: RuleId;
      subject: string;
      zoneId: string | null;
      workerId: string | null;
      cameraId: string | null;
      text: Record<string, string | number>;
    }): Promise<AlertDto | null> {
      const s = await settings();
      if (!s.enabled[r.rule]) return null;
      const { message, text } = say(r.rule, r.text);
      const c = { ...r, severity: s.severity[r.rule], message, metadata: { text } };
      const next = await firstEscalation(c.severity, now().getTime());
      try {
        return changed(await d.repo.raise(c, now(), null, next && new Date(next.atMs)));
      } catch (err) {
        if (isDomainError(err) && err.code === 'conflict') return null; // already open
        throw err;
      }
    },

    /** Moves every due alert one level up; returns who was told what. */
    async escalate(): Promise<{ alert: AlertDto; level: number; recipients: string[] }[]> {
      const at = now();
      const out = [];
      const tree = await policies();
      for (const a of await d.repo.dueEscalations(at)) {
        const state = {
          raisedAtMs: Date.parse(a.raisedAt),
          level: a.escalationLevel,
          state: a.state,
          snoozedUntilMs: a.snoozedUntil ? Date.parse(a.snoozedUntil) : null,
        };
        const due = nextEscalationAt(state, tree[a.severity]);
        if (!due) continue;
        const after = nextEscalationAt({ ...state, level: due.level.level }, tree[a.severity]);
        await d.repo.escalate(a.alertId, due.level.level, due.level.recipients, at, after && new Date(after.atMs));
        const fresh = (await d.repo.get(a.alertId))!;
        changed(fresh);
        d.events.publish('alert.escalated', { alert: fresh, level: due.level.level, recipients: due.level.recipients });
        await send(
          { event: 'escalated', level: due.level.level, alert: fresh },
          due.level.recipients.map(outbound).filter((x) => x !== null),
        );
        out.push({ alert: fresh, level: due.level.level, recipients: due.level.recipients });
      }
      return out;
    },

    /** Sends what is due over its channel; a failure is retried after 1 s, 2 s, then left dead. */
    async deliver(): Promise<{ delivered: number; failed: number }> {
      let [delivered, failed] = [0, 0];
      for (const x of await d.repo.dueDeliveries(now())) {
        const channel = d.channels.find((c) => c.name === x.channel);
        const attempts = x.attempts + 1;
        try {
          if (!channel) throw new Error(`channel ${x.channel} is not configured`);
          await channel.send(x.payload as AlertMessage, x.recipient);
          await d.repo.delivered(x.deliveryId, attempts, now());
          delivered++;
        } catch (err) {
          const last = attempts >= DELIVERY_ATTEMPTS;
          const next = last ? null : new Date(now().getTime() + retryAfterMs(attempts));
          await d.repo.failed(x.deliveryId, attempts, err instanceof Error ? err.message : String(err), next);
          failed++;
        }
      }
      return { delivered, failed };
    },
    deliveries: (q: Parameters<AlertsRepository['deliveries']>[0]) => d.repo.deliveries(q),
    async replay(deliveryId: string) {
      if (!(await d.repo.replay(deliveryId, now()))) throw new NotFound(`dead delivery ${deliveryId}`);
    },

    list: (q: AlertQuery) => d.repo.list(q),
    async get(alertId: number) {
      return found(d.repo.get(alertId), alertId);
    },
    anomalies: (q: Parameters<AlertsRepository['anomalies']>[0]) => d.repo.anomalies(q),
    openCount: () => d.repo.openCount(),

    async acknowledge(alertId: number, by: Principal, note: string | null) {
      return changed(await found(d.repo.acknowledge(alertId, by.id, note, now()), alertId))!;
    },
    async snooze(alertId: number, by: Principal, minutes: number) {
      const a = await this.get(alertId);
      const until = new Date(now().getTime() + minutes * 60_000);
      const next = nextEscalationAt(
        {
          raisedAtMs: Date.parse(a.raisedAt),
          level: a.escalationLevel,
          state: a.state,
          snoozedUntilMs: until.getTime(),
        },
        (await policies())[a.severity],
      );
      return changed(await found(d.repo.snooze(alertId, by.id, until, next && new Date(next.atMs), now()), alertId))!;
    },
    async resolve(alertId: number, by: Principal, resolution: string, rootCause: string | null) {
      const a = changed(await found(d.repo.resolve(alertId, by.id, resolution, rootCause, now()), alertId))!;
      // Resolved by hand: if its condition still holds, the next evaluation raises it again.
      book.forget(`${a.rule}:${a.subject}`);
      return a;
    },
  };
}
export type AlertsService = ReturnType<typeof createAlertsService>;
