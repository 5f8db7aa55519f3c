import { KioskTelemetry } from '../../../src/lib/protocol/telemetry.js';
import type { Clock } from '../../platform/domain/clock.js';
import { parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { CredentialsRepository } from '../access/index.js';

/** A kiosk reports its inference backend, adapter and per-model timings (shown in /health). */
export function kioskTelemetryRoutes(credentials: CredentialsRepository, clock: Clock): RouteSpec[] {
  return [
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
