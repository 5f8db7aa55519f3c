import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Grant } from '../../src/lib/protocol/auth.js';
import type { AuthService } from '../api/auth/auth.service.js';
import { checkAccess, resolvePrincipal } from '../api/guard.js';

/** Every namespace states who may connect, as every API route does. */
export const NAMESPACES = {
  '/kiosk': ['kiosk'],
  '/floor': ['admin', 'supervisor', 'operator', 'viewer'],
  '/media': ['admin', 'supervisor', 'operator', 'viewer', 'kiosk'],
} as const satisfies Record<string, readonly Grant[]>;

export type NamespaceName = keyof typeof NAMESPACES;

export function createRealtime(http: HttpServer, auth: AuthService): Server {
  const io = new Server(http, { serveClient: false, cors: { origin: false } });
  // The default namespace admits nobody: clients must pick one of the declared ones.
  io.use((_socket, next) => next(Object.assign(new Error('forbidden'), { data: { code: 'forbidden' } })));
  for (const [name, access] of Object.entries(NAMESPACES)) {
    io.of(name).use((socket, next) => {
      const token = typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined;
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
  }
  return io;
}
