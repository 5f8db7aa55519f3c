import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { Forbidden } from '../../../src/lib/shared/errors.js';
import { SESSION_COOKIE } from './guard.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request with the login cookie comes from one of our own pages. SameSite=Strict keeps the
 * cookie off other sites' requests, but not off a sibling origin on the same site (another port or
 * subdomain of the plant network), so the browser's own Origin (or Sec-Fetch-Site) is checked too.
 * A client that sends neither is not a browser and cannot be tricked into using someone's cookie.
 */
export function fromOwnPage(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin !== undefined) {
    try {
      return origin !== 'null' && new URL(origin).host === headers.host;
    } catch {
      return false;
    }
  }
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** Refuses state-changing cookie requests from other origins; bearer-token callers are not browsers. */
export function checkOrigin(): RequestHandler {
  return (req, _res, next) => {
    const usesCookie = req.headers.cookie?.includes(`${SESSION_COOKIE}=`) && !req.headers.authorization;
    if (usesCookie && !SAFE_METHODS.has(req.method) && !fromOwnPage(req.headers)) {
      return next(new Forbidden('this request came from another site (Origin does not match)'));
    }
    next();
  };
}
