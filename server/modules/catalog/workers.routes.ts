import { z } from 'zod';
import { WorkerCreateRequest, WorkerUpdateRequest } from '../../../src/lib/protocol/catalog.js';
import { NotFound } from '../../../src/lib/shared/errors.js';
import { ADMIN_ONLY, EVERY_USER, parse, type RouteSpec } from '../../platform/http/route.js';
import type { CatalogRepository } from './domain/ports.js';

const WorkerParam = z.object({ id: z.string().min(1).max(50) });

/** `changed` tells the identity module a worker's badge or activity moved (kiosks read badges). */
export function workerRoutes(catalog: CatalogRepository, changed: (workerIds: string[]) => void): RouteSpec[] {
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
        const created = await catalog.createWorker(parse(WorkerCreateRequest, req, 'body'));
        changed([created.workerId]);
        res.status(201).json(created);
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
        changed([id]);
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
        changed([id]);
        res.status(204).end();
      },
    },
  ];
}
