import { fail, redirect } from '@sveltejs/kit';
import { LoginRequest } from '$lib/protocol/auth';
import { CONTROL_CHAR_MESSAGE, controlCharPath } from '$lib/shared/control-chars';
import { safeNext } from '$lib/shared/safe-next';
import { isDomainError } from '$lib/shared/errors';
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
      const c = await locals.facade.login(parsed.data.username, parsed.data.password, getClientAddress());
      const { maxAgeSec, ...attrs } = c.options;
      cookies.set(c.name, c.value, { ...attrs, ...(maxAgeSec && { maxAge: maxAgeSec }) });
    } catch (err) {
      if (isDomainError(err))
        return fail(err.code === 'too_many_requests' ? 429 : 401, { username, message: err.message });
      throw err;
    }
    redirect(303, safeNext(url.searchParams.get('next')));
  },
} satisfies Actions;
