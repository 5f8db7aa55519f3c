import { z } from 'zod';
import { WorkerCreateRequest } from '../../src/lib/protocol/catalog.js';
import { Conflict } from '../domain/errors.js';
import type { CatalogRepository } from '../store/catalog.repository.js';
import type { ModelCatalog } from '../store/model-files.js';
import { ADMIN_ONLY, EVERY_USER, parse, type RouteSpec } from './route.js';

const ZoneQuery = z.object({ cameraId: z.string().min(1).max(50).optional() });

export function floorRoutes(catalog: CatalogRepository, models: ModelCatalog): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/models',
      access: [...EVERY_USER, 'kiosk'],
      handler: (_req, res) => {
        res.json(models.list());
      },
    },
    {
      method: 'get',
      path: '/workers',
      access: EVERY_USER,
      handler: async (_req, res) => {
        res.json(await catalog.listWorkers());
      },
    },
    {
      method: 'post',
      path: '/workers',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const input = parse(WorkerCreateRequest, req, 'body');
        try {
          res.status(201).json(await catalog.createWorker(input));
        } catch (err) {
          if ((err as { code?: string }).code === 'P2002')
            throw new Conflict(`worker ${input.workerId} or its badge already exists`);
          throw err;
        }
      },
    },
    {
      method: 'get',
      path: '/cameras',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (_req, res) => {
        res.json(await catalog.listCameras());
      },
    },
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
