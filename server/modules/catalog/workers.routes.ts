import { WorkerCreateRequest } from '../../../src/lib/protocol/catalog.js';
import { ADMIN_ONLY, EVERY_USER, parse, type RouteSpec } from '../../platform/http/route.js';
import type { CatalogRepository } from './domain/ports.js';

export function workerRoutes(catalog: CatalogRepository): RouteSpec[] {
  return [
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
        res.status(201).json(await catalog.createWorker(parse(WorkerCreateRequest, req, 'body')));
      },
    },
  ];
}
