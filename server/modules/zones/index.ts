// Zone layouts per camera: editing, validation, versions, templates.
export { createZonesRepository, type ZonesRepository } from './zones.repository.js';
export { zoneRoutes } from './zones.routes.js';
