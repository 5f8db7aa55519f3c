import type { ErrorReport } from '$lib/shared/error-report';

/** A refusal as the pages show it: the API's report, its field without the `body.`/`params.` root. */
export type ApiFailure = { ok: false; status: number; field: string | null } & Omit<ErrorReport, 'field'>;

/** An /api/v1 answer as the admin pages use it: the data, or the refusal and the field it names. */
export type ApiResult<T> = { ok: true; status: number; data: T } | ApiFailure;

/**
 * Calls /api/v1 with the page's own login cookie. A 400 names the field as the API does
 * (`body.rtspUrl`); `field` is that name without its `body.`/`params.` root, to show it next to the
 * input of the same name.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (res.ok) return { ok: true, status: res.status, data: json as T };
  const err = (json ?? {}) as Partial<ErrorReport>;
  return {
    ok: false,
    status: res.status,
    code: err.code ?? 'other',
    message: err.message ?? `request failed (${res.status})`,
    field: err.field ? err.field.replace(/^(body|params|query)\./, '') : null,
    ...(err.reason && { reason: err.reason }),
  };
}

/** The refusal for one input, when the last answer named it. */
export function fieldError(r: ApiResult<unknown> | null, name: string): ApiFailure | null {
  return r && !r.ok && r.field === name ? r : null;
}
