import { z } from 'zod';
import { EVERY_USER, parse, type RouteSpec } from '../../platform/http/route.js';
import type { CatalogRepository } from './domain/ports.js';

const ZoneQuery = z.object({ cameraId: z.string().min(1).max(50).optional() });

/** Every zone, or one camera's, as stored (the editor's layouts live under /cameras/:id/zones). */
export function zoneListRoutes(catalog: CatalogRepository): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/zones',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (req, res) => {
        res.json(await catalog.listZones(parse(ZoneQuery, req, 'query').cameraId));
      },
    },
  ];
}
