import type { Logger } from 'pino';
import type { AlertsService } from './alerts.service.js';
import { gatherFloorFacts, type FloorSources } from './floor-facts.js';

/**
 * Watches the floor: every `everyMs` the rules run over the floor's facts, and due escalations go up
 * their tree. A failed round is logged and the next one tries again; nothing is lost, since what
 * is open lives in the database.
 */
export function startAlertWatch(alerts: AlertsService, sources: FloorSources, log: Logger, everyMs = 5000) {
  let running = false;
  async function round(): Promise<void> {
    if (running) return;
    running = true;
    try {
      await alerts.evaluate(await gatherFloorFacts(sources));
      await alerts.escalate();
    } catch (err) {
      log.warn({ component: 'alerts', err }, 'alert round failed; the next one tries again');
    } finally {
      running = false;
    }
  }
  const timer = setInterval(() => void round(), everyMs);
  timer.unref();
  return { round, stop: () => clearInterval(timer) };
}
