// The SvelteKit build bundles its own copy of this module, so `instanceof` fails across the two
// copies; a registry symbol is shared by both.
const BRAND = Symbol.for('floorsight.DomainError');

/**
 * What went wrong in words a page can translate: a message id of the catalogue (`apiError.<key>`)
 * and its values. The English `message` stays for logs, API clients and ids no catalogue knows.
 */
export interface ErrorReason {
  key: string;
  params?: Record<string, string | number>;
}

/** Errors the rules raise; server/platform/http/errors.ts is the one place that turns them into HTTP. */
export class DomainError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: string,
    message: string,
    readonly reason?: ErrorReason,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInput extends DomainError {
  constructor(
    readonly field: string,
    message: string,
    reason?: ErrorReason,
  ) {
    super('invalid_input', `${field}: ${message}`, reason);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, reason?: ErrorReason) {
    super('conflict', message, reason);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'authentication required', reason?: ErrorReason) {
    super('unauthenticated', message, reason);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'your role may not do this', reason?: ErrorReason) {
    super('forbidden', message, reason);
  }
}

export class TooManyRequests extends DomainError {
  constructor(readonly retryAfterSec: number) {
    super('too_many_requests', `too many attempts; retry in ${retryAfterSec} s`, {
      key: 'tooManyAttempts',
      params: { seconds: retryAfterSec },
    });
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true;
}
