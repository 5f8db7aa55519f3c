import type { Server } from 'socket.io';
import type { Principal } from '../../../src/lib/protocol/auth.js';
import { HelloRequest, type HelloReply, type ObservationAck } from '../../../src/lib/protocol/observations.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { IntakeService } from './intake.service.js';

type Reply<T> = (reply: T) => void;

export interface KioskGatewayDeps {
  intake: IntakeService;
  events: Pick<EventBus, 'subscribe'>;
  /** the cameras a kiosk is assigned (empty: any) */
  assignedCameras(kioskId: string): Promise<string[]>;
  log: { warn(obj: object, msg: string): void };
}

/**
 * `/kiosk`: `hello {cameraIds}` → where the server stands per camera; `observations <batch>` → an
 * ack; the server pushes `committed {cameraId, committedSeq}` whenever it has stored a kiosk's
 * batches, and `zones:changed {cameraId}` once the engine knows a camera's new zones. Only kiosk
 * devices connect here (see NAMESPACES); a kiosk with assigned cameras may report only those.
 */
export function attachKioskGateway(io: Server, d: KioskGatewayDeps): () => void {
  const offs = [
    d.events.subscribe('observations.committed', (c) => {
      io.of('/kiosk').to(`kiosk:${c.kioskId}`).emit('committed', c);
    }),
    // Kiosks are told once the engine knows the new zones, so their next batches are understood.
    d.events.subscribe('zones.changed', async ({ cameraId }) => {
      try {
        await d.intake.refresh();
      } catch (err) {
        return d.log.warn({ component: 'zones', err }, 'zone reload failed');
      }
      io.of('/kiosk').emit('zones:changed', { cameraId });
    }),
  ];
  io.of('/kiosk').on('connection', (socket) => {
    const principal = socket.data.principal as Principal;
    void socket.join(`kiosk:${principal.id}`);
    const assigned = d.assignedCameras(principal.id);
    socket.on('hello', (body: unknown, ack: Reply<HelloReply>) => {
      if (typeof ack !== 'function') return;
      const parsed = HelloRequest.safeParse(body);
      if (!parsed.success)
        return ack({ ok: false, code: 'invalid_input', message: 'cameraIds: expected a list of ids' });
      ack(d.intake.hello(principal.id, parsed.data.cameraIds));
    });
    socket.on('observations', (body: unknown, ack: Reply<ObservationAck>) => {
      if (typeof ack !== 'function') return;
      void assigned.then(
        (cameras) => ack(d.intake.accept(principal.id, cameras, body)),
        () => ack({ ok: false, code: 'internal', message: 'could not look up this kiosk' }),
      );
    });
  });
  return () => offs.forEach((off) => off());
}
