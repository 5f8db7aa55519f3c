import { fail } from '@sveltejs/kit';
import { CONTROL_CHAR_MESSAGE, controlCharPath } from '$lib/shared/control-chars';
import { BreakOverrideInput, IsoDate, ScheduleInput } from '$lib/protocol/schedule';
import { isDomainError } from '$lib/shared/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const s = locals.facade.schedules;
  const asked = url.searchParams.get('date');
  const parsed = IsoDate.safeParse(asked);
  const date = parsed.success ? parsed.data : s.today();
  const timeline = await s.timeline(date).catch((err: unknown) => {
    if (isDomainError(err) && err.code === 'not_found') return null;
    throw err;
  });
  return {
    date,
    invalidDate: asked !== null && !parsed.success ? asked : null,
    today: s.today(),
    timeline,
    indexState: await s.currentIndex(),
    canEdit: locals.facade.schedules.allowed(locals.principal, 'editDate'),
    canEditTemplate: locals.facade.schedules.allowed(locals.principal, 'editTemplate'),
    canOverrideBreak: locals.facade.schedules.allowed(locals.principal, 'overrideBreak'),
    // The server's clock, which the schedule follows; the browser's may be off.
    nowMs: locals.facade.now().getTime(),
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

/** The first string field with a control character, as a form failure; null when there is none. */
function controlCharFailure(value: unknown) {
  const field = controlCharPath(value, '');
  return field ? fail(400, { message: `${field}: ${CONTROL_CHAR_MESSAGE}`, field }) : null;
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
    if (!locals.facade.schedules.allowed(locals.principal, 'editDate'))
      return fail(403, { message: 'only supervisors and admins edit schedules', field: null });
    const form = await request.formData();
    const asTemplate = form.get('asTemplate') === 'on';
    if (asTemplate && !locals.facade.schedules.allowed(locals.principal, 'editTemplate'))
      return fail(403, { message: 'only admins change the weekly default', field: 'asTemplate' });
    const date = IsoDate.safeParse(form.get('date'));
    const input = ScheduleInput.safeParse(scheduleFromForm(form));
    if (!date.success) return fail(400, { message: `date ${date.error.issues[0]!.message}`, field: 'date' });
    if (!input.success) {
      const issue = input.error.issues[0]!;
      const field = issue.path.join('.');
      return fail(400, { message: `${field}: ${issue.message}`, field });
    }
    const control = controlCharFailure(input.data);
    if (control) return control;
    try {
      await locals.facade.schedules.put(date.data, input.data, locals.principal!.id);
      if (asTemplate) {
        const weekday = new Date(`${date.data}T12:00:00Z`).getUTCDay();
        await locals.facade.schedules.putTemplate(weekday, input.data, locals.principal!.id);
      }
    } catch (err) {
      return failure(err);
    }
    return { saved: true };
  },
  break: async ({ request, locals }) => {
    if (!locals.facade.schedules.allowed(locals.principal, 'overrideBreak'))
      return fail(403, { message: 'only supervisors and admins override breaks', field: null });
    const form = await request.formData();
    // Not a number ('abc') stays NaN, which the schema refuses by name.
    const minutes = form.get('minutes');
    const input = BreakOverrideInput.safeParse({
      action: form.get('action'),
      minutes: minutes ? Number(minutes) : null,
      reason: form.get('reason') || null,
    });
    if (!input.success) {
      const field = input.error.issues[0]!.path.join('.');
      return fail(400, { message: `${field}: ${input.error.issues[0]!.message}`, field });
    }
    const control = controlCharFailure(input.data);
    if (control) return control;
    try {
      await locals.facade.schedules.overrideBreak(input.data, locals.principal!.id);
    } catch (err) {
      return failure(err);
    }
    return { saved: true };
  },
} satisfies Actions;
