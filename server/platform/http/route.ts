import { Router, type Request, type RequestHandler } from 'express';
import type { z } from 'zod';
import { parseInput } from '../../../src/lib/shared/error-report.js';
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
  return parseInput(schema, req[part], part);
}

export function principalOf(req: Request) {
  // The guard has run, so a non-public route always has a principal here.
  return req.principal!;
}
