// Kiosk observations → session engine → time_logs and sessions; the live floor and today's figures.
export { createIntakeService, type IntakeService } from './intake.service.js';
export type { IntakeSettings } from './domain/ports.js';
export { createIngestRepository } from './ingest.repository.js';
export { createMetricsRepository } from './metrics.repository.js';
export { sessionRoutes } from './sessions.routes.js';
export { floorRoutes } from './floor.routes.js';
export { metricsRoutes } from './metrics.routes.js';
export { kioskConfigRoutes } from './kiosk-config.routes.js';
export { attachKioskGateway } from './kiosk.gateway.js';
export { attachFloorGateway } from './floor.gateway.js';
