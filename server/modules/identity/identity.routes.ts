import { z } from 'zod';
import {
  ConsentRequest,
  EnrolmentRequest,
  EnrolmentTestRequest,
  IdentitySettings,
} from '../../../src/lib/protocol/identity.js';
import { ADMIN_ONLY, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { IdentityRepository } from './domain/ports.js';
import type { IdentityService } from './identity.service.js';

const WorkerParam = z.object({ id: z.string().min(1).max(50) });
const SUPERVISORS = ['admin', 'supervisor'] as const;
const AuditQuery = z.object({
  table: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Enrolment, consent, the site's identity mode and a worker's personal data (export, delete). */
export function identityRoutes(identity: IdentityService, audit: Pick<IdentityRepository, 'recentAudit'>): RouteSpec[] {
  const workerId = (req: Parameters<RouteSpec['handler']>[0]) => parse(WorkerParam, req, 'params').id;
  return [
    {
      method: 'get',
      path: '/identity/settings',
      access: SUPERVISORS,
      handler: async (_req, res) => void res.json(await identity.settings()),
    },
    {
      method: 'put',
      path: '/identity/settings',
      access: ADMIN_ONLY,
      handler: async (req, res) =>
        void res.json(await identity.putSettings(parse(IdentitySettings, req, 'body'), principalOf(req))),
    },
    {
      method: 'get',
      path: '/workers/:id/identity',
      access: SUPERVISORS,
      handler: async (req, res) => void res.json(await identity.identity(workerId(req))),
    },
    {
      method: 'put',
      path: '/workers/:id/consent',
      access: SUPERVISORS,
      handler: async (req, res) => {
        const id = workerId(req);
        await identity.setConsent(id, parse(ConsentRequest, req, 'body').consent, principalOf(req));
        res.json(await identity.identity(id));
      },
    },
    {
      method: 'post',
      path: '/workers/:id/enrolments/test',
      access: SUPERVISORS,
      handler: async (req, res) => {
        const { photos } = parse(EnrolmentTestRequest, req, 'body');
        res.json(
          await identity.test(
            workerId(req),
            photos.map((p) => p.embedding),
            principalOf(req),
          ),
        );
      },
    },
    {
      method: 'post',
      path: '/workers/:id/enrolments',
      access: SUPERVISORS,
      handler: async (req, res) =>
        void res
          .status(201)
          .json(await identity.enrol(workerId(req), parse(EnrolmentRequest, req, 'body'), principalOf(req))),
    },
    {
      method: 'get',
      path: '/workers/:id/personal-data',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const id = workerId(req);
        const zip = await identity.exportPersonalData(id, principalOf(req));
        res
          .type('application/zip')
          .setHeader('content-disposition', `attachment; filename="personal-data-${encodeURIComponent(id)}.zip"`)
          .send(Buffer.from(zip));
      },
    },
    {
      method: 'delete',
      path: '/workers/:id/personal-data',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const deleted = await identity.deletePersonalData(workerId(req), principalOf(req));
        res.json({ deleted });
      },
    },
    {
      method: 'get',
      path: '/audit-logs',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const q = parse(AuditQuery, req, 'query');
        res.json(await audit.recentAudit(q.table, q.limit));
      },
    },
  ];
}
