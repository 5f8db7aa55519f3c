import { z } from 'zod';
import { ApiKeyCreateRequest } from '../../../src/lib/protocol/auth.js';
import { ADMIN_ONLY, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { AuthService } from './auth.service.js';

const IdParam = z.object({ id: z.string().min(1).max(50) });

/** API keys for machine clients: the key is shown once, at creation. */
export function apiKeyRoutes(auth: AuthService): RouteSpec[] {
  return [
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
  ];
}
