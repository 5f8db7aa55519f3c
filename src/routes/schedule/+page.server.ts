import { BreakOverrideInput, IsoDate, ScheduleInput } from '$lib/protocol/schedule';
import { Forbidden, isDomainError } from '$lib/shared/errors';
import { parseInput } from '$lib/shared/error-report';
import { formAction } from '$lib/server/form-action';
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

export const actions = {
  save: async ({ request, locals }) => {
    const form = await request.formData();
    return formAction(async () => {
      const schedules = locals.facade.schedules;
      if (!schedules.allowed(locals.principal, 'editDate'))
        throw new Forbidden('only supervisors and admins edit schedules', { key: 'editSchedule' });
      const asTemplate = form.get('asTemplate') === 'on';
      if (asTemplate && !schedules.allowed(locals.principal, 'editTemplate'))
        throw new Forbidden('only admins change the weekly default', { key: 'editTemplate' });
      const date = parseInput(IsoDate, form.get('date'), 'date');
      const input = parseInput(ScheduleInput, scheduleFromForm(form));
      await schedules.put(date, input, locals.principal!.id);
      if (asTemplate) {
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        await schedules.putTemplate(weekday, input, locals.principal!.id);
      }
    });
  },
  break: async ({ request, locals }) => {
    const form = await request.formData();
    return formAction(async () => {
      if (!locals.facade.schedules.allowed(locals.principal, 'overrideBreak'))
        throw new Forbidden('only supervisors and admins override breaks', { key: 'overrideBreak' });
      // Not a number ('abc') stays NaN, which the schema refuses by name.
      const minutes = form.get('minutes');
      const input = parseInput(BreakOverrideInput, {
        action: form.get('action'),
        minutes: minutes ? Number(minutes) : null,
        reason: form.get('reason') || null,
      });
      await locals.facade.schedules.overrideBreak(input, locals.principal!.id);
    });
  },
} satisfies Actions;
