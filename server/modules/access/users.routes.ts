import { z } from 'zod';
import { UserCreateRequest, UserUpdateRequest } from '../../../src/lib/protocol/auth.js';
import { ADMIN_ONLY, parse, type RouteSpec } from '../../platform/http/route.js';
import type { AuthService } from './auth.service.js';

const IdParam = z.object({ id: z.string().min(1).max(50) });

export function userRoutes(auth: AuthService): RouteSpec[] {
  return [
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
  ];
}
