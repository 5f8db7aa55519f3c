import { fail, type ActionFailure } from '@sveltejs/kit';
import { ERROR_STATUS, errorReport, type ErrorReport } from '$lib/shared/error-report';
import { isDomainError } from '$lib/shared/errors';

/**
 * Runs a page's form action. A refusal becomes the form's failure in the shape the API answers
 * with (code, message, field, reason), so one component shows both in the reader's language.
 */
export async function formAction<E extends Record<string, unknown> = Record<never, never>>(
  run: () => Promise<void>,
  extra?: E,
): Promise<{ saved: true } | ActionFailure<E & ErrorReport>> {
  try {
    await run();
    return { saved: true as const };
  } catch (err) {
    if (isDomainError(err)) return fail(ERROR_STATUS[err.code] ?? 422, { ...(extra as E), ...errorReport(err) });
    throw err;
  }
}
