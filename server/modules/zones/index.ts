// Zone layouts per camera: editing, validation, versions, templates.
export { createZonesRepository } from './zones.repository.js';
export type { ZonesRepository } from './domain/ports.js';
export { zoneRoutes } from './zones.routes.js';
