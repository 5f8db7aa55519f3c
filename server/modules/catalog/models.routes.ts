import { EVERY_USER, type RouteSpec } from '../../platform/http/route.js';
import type { ModelCatalog } from './model-files.js';

/** The model files in MODEL_DIR and whether each is intact. */
export function modelRoutes(models: ModelCatalog): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/models',
      access: [...EVERY_USER, 'kiosk'],
      handler: (_req, res) => {
        res.json(models.list());
      },
    },
  ];
}
