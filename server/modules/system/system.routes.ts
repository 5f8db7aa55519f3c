import { z } from 'zod';
import { KioskTelemetry } from '../../../src/lib/protocol/telemetry.js';
import type { Clock } from '../../platform/domain/clock.js';
import type { CredentialsRepository } from '../access/index.js';
import type { SystemLogRepository } from './system-log.repository.js';
import { ADMIN_ONLY, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';

const LogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  level: z.enum(['WARNING', 'ERROR', 'CRITICAL']).optional(),
});

export function systemRoutes(
  systemLogs: SystemLogRepository,
  credentials: CredentialsRepository,
  clock: Clock,
): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/system/logs',
      access: ADMIN_ONLY,
      handler: async (req, res) => {
        const { limit, level } = parse(LogQuery, req, 'query');
        res.json(await systemLogs.recent(limit, level));
      },
    },
    {
      method: 'post',
      path: '/kiosk/telemetry',
      access: ['kiosk'],
      handler: async (req, res) => {
        const telemetry = parse(KioskTelemetry, req, 'body');
        await credentials.saveKioskTelemetry(principalOf(req).id, telemetry, clock.now());
        res.status(204).end();
      },
    },
  ];
}
