// Health, the system log and kiosk telemetry.
export { createHealthService, type HealthService } from './health.service.js';
export { createSystemLogRepository } from './system-log.repository.js';
export type { SystemLogRepository } from './domain/ports.js';
export { systemLogRoutes } from './system-logs.routes.js';
export { kioskTelemetryRoutes } from './kiosk-telemetry.routes.js';
