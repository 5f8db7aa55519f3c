import { EVERY_USER, type RouteSpec } from '../../platform/http/route.js';
import type { IntakeService } from './intake.service.js';

/** The floor's live state: per zone who is present and active, and the open sessions. */
export function floorRoutes(intake: IntakeService): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/floor/live',
      access: EVERY_USER,
      handler: (_req, res) => {
        res.json(intake.floor());
      },
    },
  ];
}
