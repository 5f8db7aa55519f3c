import type { CookieOptions } from 'express';
import { LoginRequest } from '../../../src/lib/protocol/auth.js';
import { parse as parseCookie } from 'cookie';
import { EVERY_USER, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import { SESSION_COOKIE } from '../../platform/http/guard.js';
import type { AuthService } from './auth.service.js';

/**
 * The login cookie's attributes. Its lifetime is a max-age, not an absolute expiry: a kiosk PC
 * whose clock is off would otherwise drop the cookie at once or keep it too long.
 */
export function sessionCookie(secure: boolean, maxAgeSec?: number) {
  return { httpOnly: true, sameSite: 'strict' as const, secure, path: '/', ...(maxAgeSec ? { maxAgeSec } : {}) };
}

function expressCookie(secure: boolean, maxAgeSec?: number): CookieOptions {
  const { maxAgeSec: age, ...rest } = sessionCookie(secure, maxAgeSec);
  return age ? { ...rest, maxAge: age * 1000 } : rest;
}

export function authRoutes(auth: AuthService, cookieSecure: boolean): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/auth/login',
      access: 'public',
      handler: async (req, res) => {
        const { username, password } = parse(LoginRequest, req, 'body');
        const s = await auth.login(username, password, req.ip ?? 'unknown');
        res.cookie(SESSION_COOKIE, s.token, expressCookie(cookieSecure, s.maxAgeSec));
        res.json({ user: s.user, expiresAt: s.expiresAt.toISOString() });
      },
    },
    {
      method: 'post',
      path: '/auth/logout',
      access: EVERY_USER,
      handler: async (req, res) => {
        const token = req.headers.cookie ? parseCookie(req.headers.cookie)[SESSION_COOKIE] : undefined;
        if (token) await auth.logout(token);
        res.clearCookie(SESSION_COOKIE, expressCookie(cookieSecure));
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/auth/me',
      access: [...EVERY_USER, 'kiosk'],
      handler: (req, res) => {
        res.json(principalOf(req));
      },
    },
  ];
}
