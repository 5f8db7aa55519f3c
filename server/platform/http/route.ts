import { Router, type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import { CONTROL_CHAR_MESSAGE, controlCharPath } from '../../../src/lib/shared/control-chars.js';
import { InvalidInput } from '../../../src/lib/shared/errors.js';
import { zodToInvalidInput } from './errors.js';
import { guard, type Access } from './guard.js';

export const EVERY_USER = ['admin', 'supervisor', 'operator', 'viewer'] as const;
export const ADMIN_ONLY = ['admin'] as const;

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** relative to /api/v1 */
  path: string;
  /** Every route states who may call it; the router refuses to mount one that does not. */
  access: Access;
  handler: RequestHandler;
}

/** Mounts each route behind its access guard, so no route exists without one. */
export function mountRoutes(specs: readonly RouteSpec[]): Router {
  const router = Router();
  for (const spec of specs) {
    router[spec.method](spec.path, guard(spec.access), spec.handler);
  }
  return router;
}

/** Parses a request part with a zod schema; a failure names the field (body.name, query.limit…). */
export function parse<S extends z.ZodType>(schema: S, req: Request, part: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(req[part]);
  if (!result.success) throw zodToInvalidInput(result.error, part);
  const bad = controlCharPath(result.data, part);
  if (bad) throw new InvalidInput(bad, CONTROL_CHAR_MESSAGE);
  return result.data;
}

export function principalOf(req: Request) {
  // The guard has run, so a non-public route always has a principal here.
  return req.principal!;
}
