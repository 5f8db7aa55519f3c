import type { Server } from 'socket.io';
import type { Principal } from '../../src/lib/protocol/auth.js';
import { HelloRequest, type HelloReply, type ObservationAck } from '../../src/lib/protocol/observations.js';
import type { IntakeService } from '../intake/intake.service.js';
import type { CredentialsRepository } from '../store/credentials.repository.js';

type Reply<T> = (reply: T) => void;

/**
 * `/kiosk`: `hello {cameraIds}` → where the server stands per camera; `observations <batch>` → an
 * ack; the server pushes `committed {cameraId, committedSeq}` whenever it has stored a kiosk's batches. Only kiosk devices connect here (see NAMESPACES); a kiosk with assigned cameras may report
 * only those.
 */
export function attachKioskIntake(io: Server, intake: IntakeService, credentials: CredentialsRepository): void {
  intake.onCommitted((c) => io.of('/kiosk').to(`kiosk:${c.kioskId}`).emit('committed', c));
  io.of('/kiosk').on('connection', (socket) => {
    const principal = socket.data.principal as Principal;
    void socket.join(`kiosk:${principal.id}`);
    const assigned = credentials.findKiosk(principal.id).then((k) => k?.cameraIds ?? []);
    socket.on('hello', (body: unknown, ack: Reply<HelloReply>) => {
      if (typeof ack !== 'function') return;
      const parsed = HelloRequest.safeParse(body);
      if (!parsed.success)
        return ack({ ok: false, code: 'invalid_input', message: 'cameraIds: expected a list of ids' });
      ack(intake.hello(principal.id, parsed.data.cameraIds));
    });
    socket.on('observations', (body: unknown, ack: Reply<ObservationAck>) => {
      if (typeof ack !== 'function') return;
      void assigned.then(
        (cameras) => ack(intake.accept(principal.id, cameras, body)),
        () => ack({ ok: false, code: 'internal', message: 'could not look up this kiosk' }),
      );
    });
  });
}

/** Pushes the floor's live state to supervisors every `everyMs`. */
export function startFloorBroadcast(io: Server, intake: IntakeService, everyMs = 2000): () => void {
  const timer = setInterval(() => {
    if (io.of('/floor').sockets.size) io.of('/floor').emit('floor:live', intake.floor());
  }, everyMs);
  return () => clearInterval(timer);
}
