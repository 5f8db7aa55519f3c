import { parse as parseCookie } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Grant, Principal } from '../../../src/lib/protocol/auth.js';
import { Forbidden, Unauthenticated } from '../../../src/lib/shared/errors.js';

export const SESSION_COOKIE = 'fs_session';

/** Turns credentials into a caller (the access module's auth service). */
export interface PrincipalResolver {
  principalFromBearer(token: string): Promise<Principal | null>;
  principalFromSession(sessionToken: string): Promise<Principal | null>;
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal | null;
  }
}

/** Who is calling, from a bearer token (API key, kiosk) or the login cookie; null if nobody. */
export async function resolvePrincipal(
  auth: PrincipalResolver,
  headers: { authorization?: string | undefined; cookie?: string | undefined },
): Promise<Principal | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) return auth.principalFromBearer(bearer);
  const session = headers.cookie ? parseCookie(headers.cookie)[SESSION_COOKIE] : undefined;
  return session ? auth.principalFromSession(session) : null;
}

// Built page assets are the same for everyone; looking up the session for each would cost a
// database query per file.
const ANONYMOUS_PREFIXES = ['/_app/', '/favicon'];

export function authenticate(auth: PrincipalResolver): RequestHandler {
  return (req, _res, next) => {
    if (ANONYMOUS_PREFIXES.some((p) => req.path.startsWith(p))) {
      req.principal = null;
      return next();
    }
    resolvePrincipal(auth, req.headers)
      .then((p) => {
        req.principal = p;
        next();
      })
      .catch(next);
  };
}

/** Who may call a route: a list of grants, or 'public' for the few routes anyone may call. */
export type Access = readonly Grant[] | 'public';

export function checkAccess(principal: Principal | null | undefined, access: Access): void {
  if (access === 'public') return;
  if (!principal) throw new Unauthenticated();
  if (!access.includes(principal.grant)) throw new Forbidden();
}

export function guard(access: Access): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    checkAccess(req.principal, access);
    next();
  };
}
