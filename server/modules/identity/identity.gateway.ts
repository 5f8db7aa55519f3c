import type { Server, Socket } from 'socket.io';
import type { Principal } from '../../../src/lib/protocol/auth.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { IdentityService } from './identity.service.js';

export interface IdentityGatewayDeps {
  identity: IdentityService;
  events: Pick<EventBus, 'subscribe'>;
  /** the intake reloads who may be named before kiosks get the new gallery */
  beforeSend(): Promise<void>;
  log: { warn(obj: object, msg: string): void };
}

/**
 * Sends `/kiosk` sockets the face gallery (`identity:gallery`) when they connect and whenever it
 * changes. Over the authenticated socket only: never in a URL, a page or a log; the kiosk keeps it
 * in memory. In anonymised mode the gallery is empty, and the kiosk computes no face at all.
 */
export function attachIdentityGateway(io: Server, d: IdentityGatewayDeps): () => void {
  const kiosks = io.of('/kiosk');
  const idOf = (s: Socket) => (s.data.principal as Principal).id;

  async function send(sockets: Socket[]): Promise<void> {
    if (!sockets.length) return;
    try {
      const gallery = await d.identity.galleryFor([...new Set(sockets.map(idOf))]);
      for (const s of sockets) s.emit('identity:gallery', gallery);
    } catch (err) {
      d.log.warn({ component: 'identity', err }, 'could not send the face gallery');
    }
  }

  kiosks.on('connection', (socket) => void send([socket]));
  const off = d.events.subscribe('identity.changed', async () => {
    await d.beforeSend().catch((err: unknown) => d.log.warn({ component: 'identity', err }, 'identity reload failed'));
    await send([...kiosks.sockets.values()]);
  });
  return off;
}
