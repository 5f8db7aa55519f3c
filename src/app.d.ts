import type { IncomingMessage } from 'node:http';
import type { Principal } from '$lib/protocol/auth';
import type { PageFacade } from '../server/app/page-facade';

declare global {
  namespace App {
    interface Locals {
      principal: Principal | null;
      /** the only door from a page to the server (server/app/page-facade.ts) */
      facade: PageFacade;
    }
    interface Platform {
      /** adapter-node passes the Node request; server/app/http-app.ts has put the caller and the facade on it. */
      req: IncomingMessage & { principal?: Principal | null; app?: { locals: { facade: PageFacade } } };
    }
  }
}

export {};
