import type { z, ZodError } from 'zod';
import { CONTROL_CHAR_MESSAGE, controlCharPath } from './control-chars.js';
import { InvalidInput, type DomainError, type ErrorReason } from './errors.js';

/** An error as the API answers it and the pages show it (server/platform/http/errors.ts sends it). */
export interface ErrorReport {
  code: string;
  message: string;
  field?: string;
  reason?: ErrorReason;
}

type ZodIssue = ZodError['issues'][number];

function zodReason(issue: ZodIssue): ErrorReason {
  const raw = issue as unknown as Record<string, unknown>;
  // zod says "received undefined" only for a field that is missing altogether.
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return { key: 'required' };
  const params: Record<string, string | number> = {};
  for (const k of ['origin', 'minimum', 'maximum', 'expected', 'format', 'divisor'] as const) {
    const v = raw[k];
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    if (typeof v === 'bigint') params[k] = Number(v);
  }
  if (Array.isArray(raw.values)) params.values = raw.values.map(String).join(', ');
  if (Array.isArray(raw.keys)) params.keys = raw.keys.map(String).join(', ');
  return { key: `zod_${issue.code}`, params };
}

/** The first zod issue, as the field path a person can find in the form or JSON body. */
export function invalidInputFromZod(err: ZodError, root = ''): InvalidInput {
  const issue = err.issues[0]!;
  const field = [root, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)';
  return new InvalidInput(field, issue.message, zodReason(issue));
}

/**
 * Parses input with a zod schema, refusing control characters in any string; a failure is an
 * InvalidInput naming the field under `root` (body.name, query.limit…).
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInputFromZod(result.error, root);
  const bad = controlCharPath(result.data, root);
  if (bad) throw new InvalidInput(bad, CONTROL_CHAR_MESSAGE, { key: 'controlChars' });
  return result.data;
}

/** HTTP status per error code; a code not listed is a 422. */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};

export function errorReport(err: DomainError): ErrorReport {
  return {
    code: err.code,
    message: err.message,
    // Not instanceof: a page bundle's copy of the error classes is not the server's.
    ...('field' in err && typeof err.field === 'string' && { field: err.field }),
    ...(err.reason && { reason: err.reason }),
  };
}
