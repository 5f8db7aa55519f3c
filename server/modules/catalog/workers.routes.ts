import { z } from 'zod';
import { WorkerCreateRequest, WorkerUpdateRequest } from '../../../src/lib/protocol/catalog.js';
import { NotFound } from '../../../src/lib/shared/errors.js';
import { ADMIN_ONLY, EVERY_USER, parse, type RouteSpec } from '../../platform/http/route.js';
import type { CatalogRepository } from './domain/ports.js';

const WorkerParam = z.object({ id: z.string().min(1).max(50) });

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
    {
      method: 'patch',
      path: '/workers/:id',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { id } = parse(WorkerParam, req, 'params');
        const updated = await catalog.updateWorker(id, parse(WorkerUpdateRequest, req, 'body'));
        if (!updated) throw new NotFound(`worker ${id}`);
        res.json(updated);
      },
    },
    {
      method: 'delete',
      path: '/workers/:id',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { id } = parse(WorkerParam, req, 'params');
        if (!(await catalog.updateWorker(id, { active: false }))) throw new NotFound(`worker ${id}`);
        res.status(204).end();
      },
    },
  ];
}
