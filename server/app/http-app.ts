import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { HealthReport, HealthSummary } from '../../src/lib/protocol/health.js';
import { apiKeyRoutes, authRoutes, kioskRoutes, userRoutes } from '../modules/access/index.js';
import { cameraRoutes } from '../modules/cameras/index.js';
import { modelRoutes, workerRoutes, zoneListRoutes } from '../modules/catalog/index.js';
import { identityRoutes } from '../modules/identity/index.js';
import { alertRoutes } from '../modules/alerts/index.js';
import { scheduleRoutes } from '../modules/schedule/index.js';
import { floorRoutes, kioskConfigRoutes, metricsRoutes, sessionRoutes } from '../modules/sessions/index.js';
import { kioskTelemetryRoutes, systemLogRoutes } from '../modules/system/index.js';
import { zoneRoutes } from '../modules/zones/index.js';
import { errorHandler } from '../platform/http/errors.js';
import { authenticate, resolvePrincipal } from '../platform/http/guard.js';
import { checkOrigin } from '../platform/http/origin.js';
import { mountRoutes, type RouteSpec } from '../platform/http/route.js';
import type { Services } from './compose.js';
import { createPageFacade } from './page-facade.js';

/** Every /api/v1 route, module by module. */
export function apiRouteSpecs(s: Services, cookieSecure: boolean): RouteSpec[] {
  return [
    ...authRoutes(s.auth, cookieSecure),
    ...userRoutes(s.auth),
    ...apiKeyRoutes(s.auth),
    ...kioskRoutes(s.auth),
    ...cameraRoutes({ catalog: s.catalog, media: s.media, overlayBoxes: (cameraId) => s.intake.latestBoxes(cameraId) }),
    ...workerRoutes(s.catalog, (workerIds) => s.events.publish('identity.changed', { workerIds })),
    ...identityRoutes(s.identity, s.identityRepo),
    ...alertRoutes(s.alerts, s.dailySummaries),
    ...modelRoutes(s.models),
    ...zoneListRoutes(s.catalog),
    ...zoneRoutes({ repo: s.zones, maxZonesPerCamera: s.maxZonesPerCamera, changed: s.zonesChanged }),
    ...sessionRoutes(s.intake),
    ...floorRoutes(s.intake),
    ...metricsRoutes({ intake: s.intake, metrics: s.metrics, clock: s.clock, timeZone: s.timeZone }),
    ...kioskConfigRoutes({
      catalog: s.catalog,
      credentials: s.credentials,
      kiosk: s.kiosk,
      idleThresholdMs: s.idleThresholdMs,
    }),
    ...systemLogRoutes(s.systemLogs),
    ...kioskTelemetryRoutes(s.credentials, s.clock),
    ...scheduleRoutes(s.schedules, s.indexRecords),
  ];
}

const require = createRequire(import.meta.url);

export const PAGES_PROTOCOL_HEADER = 'x-floorsight-proto';

export interface HttpAppOptions {
  services: Services;
  log: Logger;
  cookieSecure: boolean;
  /** SvelteKit's adapter-node handler; absent in API-only tests. */
  pages?: RequestHandler;
}

export function createHttpApp({ services, log, cookieSecure, pages }: HttpAppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.locals.facade = createPageFacade(services);
  app.use((_req, res, next) => {
    // WASM threads in the kiosk need cross-origin isolation; the same headers on every page keep
    // navigation between pages from dropping it.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    // Pages carry CSP frame-ancestors 'none' (svelte.config.js); this covers older browsers and the API.
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
  // The in-browser runtimes' WASM files and the models, straight from their npm packages and the
  // model folder; public, since kiosks load them before anything else.
  // Resolved from a file each package exports, since onnxruntime-web does not export package.json.
  const distOf = (entry: string) => path.dirname(require.resolve(entry));
  const assets = {
    setHeaders: (res: express.Response) => res.setHeader('Cross-Origin-Resource-Policy', 'same-origin'),
  };
  app.use('/vendor/ort', express.static(distOf('onnxruntime-web/wasm'), assets));
  app.use('/vendor/tfjs', express.static(distOf('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'), assets));
  app.use('/vendor/tfjs-core', express.static(distOf('@tensorflow/tfjs-core/dist/tf-core.min.js'), assets));
  app.use(
    '/vendor/tfjs-converter',
    express.static(distOf('@tensorflow/tfjs-converter/dist/tf-converter.min.js'), assets),
  );
  app.use(
    '/vendor/tfjs-webgpu',
    express.static(distOf('@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js'), assets),
  );
  app.use('/vendor/zxing', express.static(distOf('zxing-wasm/reader/zxing_reader.wasm'), assets));
  app.use('/models', express.static(services.models.dir, assets), (_req, res) => {
    res.status(404).json({ code: 'not_found', message: 'no such file in the model folder' });
  });
  app.get('/health', async (req, res) => {
    const report = await services.health();
    // Camera names, kiosks and their last-seen times are for signed-in callers; a load balancer
    // needs only the status. With the database down nobody can be verified, so all get the status.
    const principal = await resolvePrincipal(services.auth, req.headers).catch(() => null);
    const body: HealthReport | HealthSummary = principal ? report : { status: report.status };
    res.status(report.status === 'down' ? 503 : 200).json(body);
  });
  app.use(checkOrigin());
  app.use(authenticate(services.auth));
  app.use('/api/v1', express.json({ limit: '1mb' }), mountRoutes(apiRouteSpecs(services, cookieSecure)));
  app.use('/api/v1', (_req, res) => {
    res.status(404).json({ code: 'not_found', message: 'no such API route' });
  });
  if (pages) {
    app.use((req, _res, next) => {
      // Set from the socket itself, so a client cannot claim https through this header.
      req.headers[PAGES_PROTOCOL_HEADER] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
      next();
    }, pages);
  }
  app.use(errorHandler(log));
  return app;
}
