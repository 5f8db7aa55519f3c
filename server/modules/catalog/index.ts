// What the site is made of: workers, cameras and zones as read by others, and the model files.
export { createCatalogRepository, type CameraSummary, type CatalogRepository } from './catalog.repository.js';
export { createModelCatalog, type ModelCatalog } from './model-files.js';
export { workerRoutes } from './workers.routes.js';
export { modelRoutes } from './models.routes.js';
export { zoneListRoutes } from './zones-list.routes.js';
