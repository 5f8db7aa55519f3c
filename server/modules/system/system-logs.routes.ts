import { z } from 'zod';
import { ADMIN_ONLY, parse, type RouteSpec } from '../../platform/http/route.js';
import type { SystemLogRepository } from './domain/ports.js';

const LogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  level: z.enum(['WARNING', 'ERROR', 'CRITICAL']).optional(),
});

/** The newest warnings and errors from `system_logs`. */
export function systemLogRoutes(systemLogs: SystemLogRepository): RouteSpec[] {
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
  ];
}
