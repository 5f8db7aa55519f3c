import { fail, redirect } from '@sveltejs/kit';
import { LoginRequest } from '$lib/protocol/auth';
import { CONTROL_CHAR_MESSAGE, controlCharPath } from '$lib/protocol/control-chars';
import { safeNext } from '$lib/navigation/safe-next';
import { sessionCookie } from '../../../server/api/auth/auth.routes';
import { SESSION_COOKIE } from '../../../server/api/guard';
import { isDomainError } from '../../../server/domain/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.principal) redirect(303, '/');
};

export const actions = {
  default: async ({ request, locals, cookies, getClientAddress, url }) => {
    const form = Object.fromEntries(await request.formData());
    const parsed = LoginRequest.safeParse(form);
    const username = typeof form.username === 'string' ? form.username : '';
    if (!parsed.success) {
      return fail(400, {
        username,
        message: `${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}`,
      });
    }
    const control = controlCharPath(parsed.data, '');
    if (control) return fail(400, { username: '', message: `${control} ${CONTROL_CHAR_MESSAGE}` });
    try {
      const s = await locals.services.auth.login(parsed.data.username, parsed.data.password, getClientAddress());
      const { maxAgeSec, ...attrs } = sessionCookie(locals.services.cookieSecure, s.maxAgeSec);
      cookies.set(SESSION_COOKIE, s.token, { ...attrs, maxAge: maxAgeSec });
    } catch (err) {
      if (isDomainError(err))
        return fail(err.code === 'too_many_requests' ? 429 : 401, { username, message: err.message });
      throw err;
    }
    redirect(303, safeNext(url.searchParams.get('next')));
  },
} satisfies Actions;
