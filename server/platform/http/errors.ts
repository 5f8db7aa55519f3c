import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { DomainError, TooManyRequests } from '../../../src/lib/shared/errors.js';
import { ERROR_STATUS, errorReport, invalidInputFromZod } from '../../../src/lib/shared/error-report.js';

/** The only place where errors become HTTP responses. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof ZodError) err = invalidInputFromZod(err);
    // body-parser's own errors (bad JSON, too large) carry an HTTP status and are safe to show.
    if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500 && err.expose) {
      return res.status(err.status).json({ code: 'invalid_body', message: err.message });
    }
    if (err instanceof DomainError) {
      const status = ERROR_STATUS[err.code] ?? 422;
      if (err instanceof TooManyRequests) res.setHeader('Retry-After', String(err.retryAfterSec));
      return res.status(status).json(errorReport(err));
    }
    const errorId = randomUUID();
    log.error({ err, errorId, component: 'api', path: req.path }, 'unhandled error in request');
    res.status(500).json({ code: 'internal', errorId });
  };
}
