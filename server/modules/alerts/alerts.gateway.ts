import type { Server } from 'socket.io';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { AlertsService } from './alerts.service.js';

/**
 * The in-app channel: every change of an alert goes to `/floor` sockets (`alert`, the alert as it
 * now is; the pages sound and show it), and kiosks get the number of open alerts
 * (`alerts:count`) for their status bar, when they connect and whenever it changes.
 */
export function attachAlertsGateway(
  io: Server,
  alerts: AlertsService,
  events: Pick<EventBus, 'subscribe'>,
  log: { warn(obj: object, msg: string): void },
): () => void {
  const count = async () => ({ open: await alerts.openCount() });
  io.of('/kiosk').on('connection', (socket) => {
    count().then(
      (c) => socket.emit('alerts:count', c),
      () => undefined,
    );
  });
  return events.subscribe('alert.changed', async (a) => {
    io.of('/floor').emit('alert', a);
    try {
      io.of('/kiosk').emit('alerts:count', await count());
    } catch (err) {
      log.warn({ component: 'alerts', err }, 'could not count open alerts');
    }
  });
}
