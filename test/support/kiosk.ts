import { io, type Socket } from 'socket.io-client';
import { ObservationSender } from '../../src/lib/kiosk/observation-sender.js';
import { memoryOutboxStore, type OutboxStore } from '../../src/lib/kiosk/outbox-store.js';
import { loginCookie, ADMIN } from './server.js';

/** Registers a kiosk device through the admin API; returns its id and token. */
export async function createKiosk(base: string, cameraIds: string[] = [], name = 'Test kiosk', adminCookie?: string) {
  const cookie = adminCookie ?? (await loginCookie(base, ADMIN.username, ADMIN.password));
  const res = await fetch(`${base}/api/v1/kiosks`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name, cameraIds }),
  });
  if (res.status !== 201) throw new Error(`kiosk create: ${res.status} ${await res.text()}`);
  return (await res.json()) as { kioskId: string; token: string };
}

export function kioskSocket(base: string, token: string): Socket {
  return io(`${base}/kiosk`, { transports: ['websocket'], auth: { token }, reconnectionDelay: 100 });
}

/** A scripted kiosk: the real sender and outbox logic over a real socket.io connection. */
export function scriptedKiosk(
  base: string,
  kiosk: { kioskId: string; token: string },
  cameraIds: string[],
  opts: { store?: OutboxStore; run?: number; batchMs?: number } = {},
) {
  const socket = kioskSocket(base, kiosk.token);
  const store = opts.store ?? memoryOutboxStore();
  const sender = new ObservationSender(socket, kiosk.kioskId, cameraIds, store, opts.run ?? 1, opts.batchMs ?? 500);
  return {
    socket,
    sender,
    store,
    /** Resolves once every batch sealed so far is stored by the server. */
    async settled(timeoutMs = 20_000): Promise<void> {
      await sender.flush();
      const until = Date.now() + timeoutMs;
      while ((await sender.pending()) > 0) {
        if (Date.now() > until) throw new Error(`${await sender.pending()} batches still not stored`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close() {
      sender.close();
      socket.close();
    },
  };
}
