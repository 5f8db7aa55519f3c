import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  NotFound,
  TooManyRequests,
  Unauthenticated,
} from '../../../src/lib/shared/errors.js';

/** The first zod issue, as the field path a person can find in the form or JSON body. */
export function zodToInvalidInput(err: ZodError, root = ''): InvalidInput {
  const issue = err.issues[0]!;
  const field = [root, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)';
  return new InvalidInput(field, issue.message);
}

const STATUS: [new (...args: never[]) => DomainError, number][] = [
  [InvalidInput, 400],
  [Unauthenticated, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
  [TooManyRequests, 429],
];

/** The only place where errors become HTTP responses. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof ZodError) err = zodToInvalidInput(err);
    // body-parser's own errors (bad JSON, too large) carry an HTTP status and are safe to show.
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500 && err.expose) {
      return res.status(err.status).json({ code: 'invalid_body', message: err.message });
    }
    if (err instanceof DomainError) {
      const status = STATUS.find(([cls]) => err instanceof cls)?.[1] ?? 422;
      if (err instanceof TooManyRequests) res.setHeader('Retry-After', String(err.retryAfterSec));
      const body: Record<string, unknown> = { code: err.code, message: err.message };
      if (err instanceof InvalidInput) body.field = err.field;
      return res.status(status).json(body);
    }
    const errorId = randomUUID();
    log.error({ err, errorId, component: 'api', path: req.path }, 'unhandled error in request');
    res.status(500).json({ code: 'internal', errorId });
  };
}
