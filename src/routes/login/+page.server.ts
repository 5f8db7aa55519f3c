import { redirect } from '@sveltejs/kit';
import { LoginRequest } from '$lib/protocol/auth';
import { controlCharPath } from '$lib/shared/control-chars';
import { parseInput } from '$lib/shared/error-report';
import { safeNext } from '$lib/shared/safe-next';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (locals.principal) redirect(303, '/');
};

export const actions = {
  default: async ({ request, locals, cookies, getClientAddress, url }) => {
    const form = Object.fromEntries(await request.formData());
    const username = typeof form.username === 'string' ? form.username : '';
    const result = await formAction(
      async () => {
        const input = parseInput(LoginRequest, form);
        const c = await locals.facade.login(input.username, input.password, getClientAddress());
        const { maxAgeSec, ...attrs } = c.options;
        cookies.set(c.name, c.value, { ...attrs, ...(maxAgeSec && { maxAge: maxAgeSec }) });
      },
      // A name with control characters is not given back to the page.
      { username: controlCharPath(username, '') === null ? username : '' },
    );
    if ('saved' in result) redirect(303, safeNext(url.searchParams.get('next')));
    return result;
  },
} satisfies Actions;
