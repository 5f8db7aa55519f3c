import type { EventBus } from '../../platform/events/event-bus.js';
import type { AlertsService } from './alerts.service.js';

/** Anomalies other modules report become alerts: an identity conflict from the intake. */
export function attachReportedAnomalies(
  events: Pick<EventBus, 'subscribe'>,
  alerts: AlertsService,
  log: { warn(obj: object, msg: string): void },
): () => void {
  return events.subscribe('identity.conflict', async (e) => {
    try {
      await alerts.report({
        rule: 'identity_conflict',
        subject: e.workerId,
        zoneId: e.zoneId,
        workerId: e.workerId,
        cameraId: e.cameraId,
        text: { who: e.workerId, weaker: e.weaker.toFixed(2), stronger: e.stronger.toFixed(2) },
      });
    } catch (err) {
      log.warn({ component: 'alerts', err }, 'could not record an identity conflict');
    }
  });
}
