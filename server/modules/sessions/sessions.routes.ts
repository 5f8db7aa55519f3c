import { EVERY_USER, type RouteSpec } from '../../platform/http/route.js';
import type { IntakeService } from './intake.service.js';

/** The sessions open now (seed 000 phase 11). */
export function sessionRoutes(intake: IntakeService): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/sessions/active',
      access: EVERY_USER,
      handler: (_req, res) => {
        res.json(intake.active());
      },
    },
  ];
}
