import type { Logger } from 'pino';
import type { AlertsService } from './alerts.service.js';
import { gatherFloorFacts, type FloorSources } from './floor-facts.js';

/**
 * Watches the floor: every `evaluateEveryMs` the rules run over the floor's facts and due
 * escalations go up their tree; every `deliverEveryMs` due deliveries (first tries and retries) go
 * out. A failed round is logged and the next one tries again; nothing is lost, since what is open
 * and what is owed lives in the database.
 */
export function startAlertWatch(
  alerts: AlertsService,
  sources: FloorSources,
  log: Logger,
  { evaluateEveryMs = 5000, deliverEveryMs = 1000 } = {},
) {
  const guarded = (name: string, fn: () => Promise<unknown>) => {
    let running = false;
    return async () => {
      if (running) return;
      running = true;
      try {
        await fn();
      } catch (err) {
        log.warn({ component: 'alerts', err }, `alert ${name} failed; the next round tries again`);
      } finally {
        running = false;
      }
    };
  };
  const evaluate = guarded('evaluation', async () => {
    await alerts.evaluate(await gatherFloorFacts(sources));
    await alerts.escalate();
  });
  const deliver = guarded('delivery', () => alerts.deliver());
  const timers = [
    setInterval(() => void evaluate(), evaluateEveryMs),
    setInterval(() => void deliver(), deliverEveryMs),
  ];
  timers.forEach((t) => t.unref());
  return { evaluate, deliver, stop: () => timers.forEach(clearInterval) };
}
