// The SvelteKit build bundles its own copy of this module, so `instanceof` fails across the two
// copies; a registry symbol is shared by both.
const BRAND = Symbol.for('floorsight.DomainError');

/** Errors the rules raise; server/platform/http/errors.ts is the one place that turns them into HTTP. */
export class DomainError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInput extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_input', `${field}: ${message}`);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} not found`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'authentication required') {
    super('unauthenticated', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'your role may not do this') {
    super('forbidden', message);
  }
}

export class TooManyRequests extends DomainError {
  constructor(readonly retryAfterSec: number) {
    super('too_many_requests', `too many attempts; retry in ${retryAfterSec} s`);
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true;
}
