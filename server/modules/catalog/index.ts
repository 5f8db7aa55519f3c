// What the site is made of: workers, cameras and zones as read by others, and the model files.
export { createCatalogRepository } from './catalog.repository.js';
export type { CameraSummary, CatalogRepository, WorkerSummary, ZoneRow } from './domain/ports.js';
export { createModelCatalog, type ModelCatalog } from './model-files.js';
export { workerRoutes } from './workers.routes.js';
export { modelRoutes } from './models.routes.js';
export { zoneListRoutes } from './zones-list.routes.js';
