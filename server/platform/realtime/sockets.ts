import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Grant, Principal } from '../../../src/lib/protocol/auth.js';
import type { EventBus } from '../events/event-bus.js';
import { checkAccess, resolvePrincipal, type PrincipalResolver } from '../http/guard.js';
import { fromOwnPage } from '../http/origin.js';
import { Forbidden } from '../../../src/lib/shared/errors.js';

/** The room every socket of one principal joins, so revoking its credentials can end them all. */
export const principalRoom = (principalId: string) => `principal:${principalId}`;

/** Every namespace states who may connect, as every API route does. */
export const NAMESPACES = {
  '/kiosk': ['kiosk'],
  '/floor': ['admin', 'supervisor', 'operator', 'viewer'],
  '/media': ['admin', 'supervisor', 'operator', 'viewer', 'kiosk'],
} as const satisfies Record<string, readonly Grant[]>;

export type NamespaceName = keyof typeof NAMESPACES;

export function createRealtime(http: HttpServer, auth: PrincipalResolver, events: Pick<EventBus, 'subscribe'>): Server {
  const io = new Server(http, { serveClient: false, cors: { origin: false } });
  // The default namespace admits nobody: clients must pick one of the declared ones.
  io.use((_socket, next) => next(Object.assign(new Error('forbidden'), { data: { code: 'forbidden' } })));
  for (const [name, access] of Object.entries(NAMESPACES)) {
    io.of(name).use((socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
      // A WebSocket is not bound by CORS: a page on another origin could open one with our cookie.
      if (!token && !fromOwnPage(socket.handshake.headers)) {
        const err = new Forbidden('this connection came from another site (Origin does not match)');
        return next(Object.assign(new Error(err.message), { data: { code: err.code } }));
      }
      resolvePrincipal(auth, {
        authorization: token ? `Bearer ${token}` : undefined,
        cookie: socket.handshake.headers.cookie,
      })
        .then((principal) => {
          checkAccess(principal, access);
          socket.data.principal = principal;
          next();
        })
        .catch((err: Error & { code?: string }) => {
          next(Object.assign(new Error(err.message), { data: { code: err.code ?? 'internal' } }));
        });
    });
    io.of(name).on('connection', (socket) => void socket.join(principalRoom((socket.data.principal as Principal).id)));
  }
  // Revoked kiosk tokens and API keys, deactivated or re-roled users: their live sockets end now.
  events.subscribe('credentials.revoked', ({ principalId }) => {
    for (const name of Object.keys(NAMESPACES)) io.of(name).in(principalRoom(principalId)).disconnectSockets(true);
  });
  return io;
}
