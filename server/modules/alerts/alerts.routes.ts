import { z } from 'zod';
import {
  AcknowledgeRequest,
  AlertQuery,
  AlertRuleSettings,
  EscalationPoliciesInput,
  ResolveRequest,
  SnoozeRequest,
} from '../../../src/lib/protocol/alerts.js';
import { ADMIN_ONLY, EVERY_USER, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { EscalationPolicies } from './domain/escalation.js';
import type { AlertsService } from './alerts.service.js';
import type { DailySummaries } from './daily-summary.job.js';
import { IsoDate } from '../../../src/lib/protocol/schedule.js';
import { NotFound } from '../../../src/lib/shared/errors.js';

const AlertParam = z.object({ id: z.coerce.number().int().min(1) });
const ACT = ['admin', 'supervisor'] as const;
const DateParam = z.object({ date: IsoDate });
const DeliveryQuery = z.object({
  alertId: z.coerce.number().int().min(1).optional(),
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Operators and viewers read alerts; supervisors act on them; admins edit the rules and the tree. */
export function alertRoutes(alerts: AlertsService, summaries: DailySummaries): RouteSpec[] {
  const idOf = (req: Parameters<RouteSpec['handler']>[0]) => parse(AlertParam, req, 'params').id;
  return [
    {
      method: 'get',
      path: '/alerts',
      access: EVERY_USER,
      handler: async (req, res) => void res.json(await alerts.list(parse(AlertQuery, req, 'query'))),
    },
    {
      method: 'get',
      path: '/alerts/:id',
      access: EVERY_USER,
      handler: async (req, res) => void res.json(await alerts.get(idOf(req))),
    },
    {
      method: 'post',
      path: '/alerts/:id/acknowledge',
      access: ACT,
      handler: async (req, res) => {
        const { note } = parse(AcknowledgeRequest, req, 'body');
        res.json(await alerts.acknowledge(idOf(req), principalOf(req), note ?? null));
      },
    },
    {
      method: 'post',
      path: '/alerts/:id/snooze',
      access: ACT,
      handler: async (req, res) =>
        void res.json(await alerts.snooze(idOf(req), principalOf(req), parse(SnoozeRequest, req, 'body').minutes)),
    },
    {
      method: 'post',
      path: '/alerts/:id/resolve',
      access: ACT,
      handler: async (req, res) => {
        const b = parse(ResolveRequest, req, 'body');
        res.json(await alerts.resolve(idOf(req), principalOf(req), b.resolution, b.rootCause ?? null));
      },
    },
    {
      method: 'get',
      path: '/alert-rules',
      access: EVERY_USER,
      handler: async (_req, res) => void res.json(await alerts.settings()),
    },
    {
      method: 'put',
      path: '/alert-rules',
      access: ADMIN_ONLY,
      handler: async (req, res) =>
        void res.json(await alerts.putSettings(parse(AlertRuleSettings, req, 'body'), principalOf(req))),
    },
    {
      method: 'get',
      path: '/escalation-policies',
      access: EVERY_USER,
      handler: async (_req, res) => void res.json(await alerts.policies()),
    },
    {
      method: 'put',
      path: '/escalation-policies',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const p = parse(EscalationPoliciesInput, req, 'body') as EscalationPolicies;
        res.json(await alerts.putPolicies(p, principalOf(req)));
      },
    },
    {
      method: 'get',
      path: '/alert-deliveries',
      access: ADMIN_ONLY,
      handler: async (req, res) => void res.json(await alerts.deliveries(parse(DeliveryQuery, req, 'query'))),
    },
    {
      method: 'post',
      path: '/alert-deliveries/:id/replay',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        await alerts.replay(String(parse(AlertParam, req, 'params').id));
        res.status(202).json({ queued: true });
      },
    },
    {
      method: 'get',
      path: '/daily-summaries',
      access: EVERY_USER,
      handler: async (_req, res) => void res.json(await summaries.recent(31)),
    },
    {
      method: 'get',
      path: '/daily-summaries/:date',
      access: EVERY_USER,
      handler: async (req, res) => {
        const { date } = parse(DateParam, req, 'params');
        const s = await summaries.get(date);
        if (!s) throw new NotFound(`daily summary of ${date}`);
        res.json(s);
      },
    },
    {
      method: 'post',
      path: '/daily-summaries/:date',
      access: ADMIN_ONLY,
      handler: async (req, res) =>
        void res.status(201).json(await summaries.generate(parse(DateParam, req, 'params').date)),
    },
    {
      method: 'get',
      path: '/anomalies',
      access: EVERY_USER,
      handler: async (req, res) => void res.json(await alerts.anomalies(parse(AlertQuery, req, 'query'))),
    },
  ];
}
