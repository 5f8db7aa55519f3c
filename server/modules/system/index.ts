// Health, the system log and kiosk telemetry.
export { createHealthService, type HealthService } from './health.service.js';
export { createSystemLogRepository, type SystemLogRepository } from './system-log.repository.js';
export { systemLogRoutes } from './system-logs.routes.js';
export { kioskTelemetryRoutes } from './kiosk-telemetry.routes.js';
