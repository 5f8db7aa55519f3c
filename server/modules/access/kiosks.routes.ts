import { z } from 'zod';
import { KioskCreateRequest } from '../../../src/lib/protocol/auth.js';
import { ADMIN_ONLY, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { AuthService } from './auth.service.js';

const IdParam = z.object({ id: z.string().min(1).max(50) });

/** Kiosk devices: the token is shown once, at registration; revoking ends the kiosk's socket at once. */
export function kioskRoutes(auth: AuthService): RouteSpec[] {
  return [
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
