import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { BreakOverrideInput, IsoDate, ScheduleInput } from '$lib/protocol/schedule';
import { isDomainError } from '../../../server/domain/errors';
import type { Actions, PageServerLoad } from './$types';

const EDITORS = new Set(['admin', 'supervisor']);

export const load: PageServerLoad = async ({ locals, url }) => {
  const s = locals.services.schedules;
  const parsed = IsoDate.safeParse(url.searchParams.get('date'));
  const date = parsed.success ? parsed.data : s.today();
  const timeline = await s.timeline(date).catch((err: unknown) => {
    if (isDomainError(err) && err.code === 'not_found') return null;
    throw err;
  });
  return {
    date,
    today: s.today(),
    timeline,
    indexState: await s.currentIndex(),
    canEdit: EDITORS.has(locals.principal?.grant ?? ''),
    // The server's clock, which the schedule follows; the browser's may be off.
    nowMs: locals.services.clock.now().getTime(),
  };
};

/** JSON text, or null (which the schema then rejects by field name) when it does not parse. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Form fields → the schedule JSON; the breaks arrive as one JSON field from the editor. */
function scheduleFromForm(form: FormData) {
  const num = (k: string) => (form.get(k) === '' || form.get(k) === null ? null : Number(form.get(k)));
  return {
    working: form.get('working') === 'on',
    workStart: form.get('workStart'),
    workEnd: form.get('workEnd'),
    breaks: parseJson(String(form.get('breaks') ?? '[]')),
    indices: num('indices'),
    mode: form.get('mode'),
    fixedMinutes: form.get('mode') === 'fixed' ? num('fixedMinutes') : null,
    notes: form.get('notes') || null,
  };
}

function failure(err: unknown) {
  if (isDomainError(err)) {
    const field = 'field' in err ? String(err.field) : null;
    return fail(400, { message: err.message, field });
  }
  throw err;
}

export const actions = {
  save: async ({ request, locals }) => {
    if (!EDITORS.has(locals.principal?.grant ?? ''))
      return fail(403, { message: 'only supervisors and admins edit schedules', field: null });
    const form = await request.formData();
    const date = IsoDate.safeParse(form.get('date'));
    const input = ScheduleInput.safeParse(scheduleFromForm(form));
    if (!date.success) return fail(400, { message: `date ${date.error.issues[0]!.message}`, field: 'date' });
    if (!input.success) {
      const issue = input.error.issues[0]!;
      const field = issue.path.join('.');
      return fail(400, { message: `${field}: ${issue.message}`, field });
    }
    try {
      await locals.services.schedules.put(date.data, input.data, locals.principal!.id);
      if (form.get('asTemplate') === 'on') {
        const weekday = new Date(`${date.data}T12:00:00Z`).getUTCDay();
        await locals.services.schedules.putTemplate(weekday, input.data, locals.principal!.id);
      }
    } catch (err) {
      return failure(err);
    }
    return { saved: true };
  },
  break: async ({ request, locals }) => {
    if (!EDITORS.has(locals.principal?.grant ?? ''))
      return fail(403, { message: 'only supervisors and admins override breaks', field: null });
    const form = await request.formData();
    const input = BreakOverrideInput.safeParse({
      action: form.get('action'),
      minutes: form.get('minutes') ? z.coerce.number().parse(form.get('minutes')) : null,
      reason: form.get('reason') || null,
    });
    if (!input.success)
      return fail(400, { message: input.error.issues[0]!.message, field: input.error.issues[0]!.path.join('.') });
    try {
      await locals.services.schedules.overrideBreak(input.data, locals.principal!.id);
    } catch (err) {
      return failure(err);
    }
    return { saved: true };
  },
} satisfies Actions;
