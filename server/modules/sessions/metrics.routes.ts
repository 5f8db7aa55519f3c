import type { Clock } from '../../platform/domain/clock.js';
import { factoryDate, factoryInstantMs } from '../../platform/domain/factory-time.js';
import { EVERY_USER, type RouteSpec } from '../../platform/http/route.js';
import { dayMetrics } from './domain/day-metrics.js';
import type { MetricsRepository } from './domain/ports.js';
import type { IntakeService } from './intake.service.js';

export interface MetricsRouteDeps {
  intake: IntakeService;
  metrics: MetricsRepository;
  clock: Clock;
  timeZone: string;
}

/** Today's figures, per zone and index, from the stored rows and the sessions open now. */
export function metricsRoutes(d: MetricsRouteDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/metrics/today',
      access: EVERY_USER,
      handler: async (_req, res) => {
        const now = d.clock.now();
        const date = factoryDate(now, d.timeZone);
        const from = new Date(factoryInstantMs(date, 0, d.timeZone));
        const to = new Date(factoryInstantMs(date, 24 * 3600, d.timeZone));
        const [cells, counts] = await Promise.all([
          d.metrics.timeByZoneAndIndex(from, to),
          d.metrics.sessionCounts(from, to),
        ]);
        const live = d.intake.active();
        res.json({
          date,
          timeZone: d.timeZone,
          ...counts,
          presentNow: live.length,
          activeNow: live.filter((s) => s.state === 'active').length,
          ...dayMetrics(cells),
        });
      },
    },
  ];
}
