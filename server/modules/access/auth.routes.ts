import type { CookieOptions } from 'express';
import { z } from 'zod';
import {
  ApiKeyCreateRequest,
  KioskCreateRequest,
  LoginRequest,
  UserCreateRequest,
  UserUpdateRequest,
} from '../../../src/lib/protocol/auth.js';
import { parse as parseCookie } from 'cookie';
import { ADMIN_ONLY, EVERY_USER, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import { SESSION_COOKIE } from '../../platform/http/guard.js';
import type { AuthService } from './auth.service.js';

const IdParam = z.object({ id: z.string().min(1).max(50) });

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
    {
      method: 'get',
      path: '/users',
      access: ADMIN_ONLY,
      handler: async (_req, res) => {
        res.json(await auth.listUsers());
      },
    },
    {
      method: 'post',
      path: '/users',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        res.status(201).json(await auth.createUser(parse(UserCreateRequest, req, 'body')));
      },
    },
    {
      method: 'patch',
      path: '/users/:id',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { id } = parse(IdParam, req, 'params');
        res.json(await auth.updateUser(id, parse(UserUpdateRequest, req, 'body')));
      },
    },
    {
      method: 'get',
      path: '/api-keys',
      access: ADMIN_ONLY,
      handler: async (_req, res) => {
        res.json(await auth.listApiKeys());
      },
    },
    {
      method: 'post',
      path: '/api-keys',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { name, role } = parse(ApiKeyCreateRequest, req, 'body');
        res.status(201).json(await auth.createApiKey(name, role, principalOf(req).id));
      },
    },
    {
      method: 'delete',
      path: '/api-keys/:id',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        await auth.revokeApiKey(parse(IdParam, req, 'params').id);
        res.status(204).end();
      },
    },
    {
      method: 'get',
      path: '/kiosks',
      access: ADMIN_ONLY,
      handler: async (_req, res) => {
        res.json(await auth.listKiosks());
      },
    },
    {
      method: 'post',
      path: '/kiosks',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { name, cameraIds } = parse(KioskCreateRequest, req, 'body');
        res.status(201).json(await auth.createKiosk(name, cameraIds, principalOf(req).id));
      },
    },
    {
      method: 'delete',
      path: '/kiosks/:id',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        await auth.revokeKiosk(parse(IdParam, req, 'params').id);
        res.status(204).end();
      },
    },
  ];
}
