import type { IncomingMessage } from 'node:http';
import type { Principal } from '$lib/protocol/auth';
import type { Services } from '../server/compose';

declare global {
  namespace App {
    interface Locals {
      principal: Principal | null;
      services: Services;
    }
    interface Platform {
      /** adapter-node passes the Node request; server/api/app.ts has put the caller and services on it. */
      req: IncomingMessage & { principal?: Principal | null; app?: { locals: { services: Services } } };
    }
  }
}

export {};
