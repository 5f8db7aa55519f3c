import { z } from 'zod';
import { BreakOverrideInput, IsoDate, ScheduleInput } from '../../../src/lib/protocol/schedule.js';
import type { IndexRecordRepository } from './domain/ports.js';
import { ADMIN_ONLY, EVERY_USER, parse, principalOf, type RouteSpec } from '../../platform/http/route.js';
import type { ScheduleService } from './schedule.service.js';

const DateParam = z.object({ date: IsoDate });
const WeekdayParam = z.object({ weekday: z.coerce.number().int().min(0).max(6) });
const EDITORS = ['admin', 'supervisor'] as const;

/** Who may change what; the schedule page's actions check the same lists as these routes. */
export const SCHEDULE_ACCESS = {
  editDate: EDITORS,
  editTemplate: ADMIN_ONLY,
  overrideBreak: EDITORS,
} as const;

export function scheduleRoutes(schedules: ScheduleService, records: IndexRecordRepository): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/schedules/:date',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (req, res) => {
        res.json(await schedules.get(parse(DateParam, req, 'params').date));
      },
    },
    {
      method: 'put',
      path: '/schedules/:date',
      access: SCHEDULE_ACCESS.editDate,
      handler: async (req, res) => {
        const { date } = parse(DateParam, req, 'params');
        res.json(await schedules.put(date, parse(ScheduleInput, req, 'body'), principalOf(req).id));
      },
    },
    {
      method: 'get',
      path: '/schedules/:date/timeline',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (req, res) => {
        res.json(await schedules.timeline(parse(DateParam, req, 'params').date));
      },
    },
    {
      method: 'get',
      path: '/schedule-template/:weekday',
      access: EVERY_USER,
      handler: async (req, res) => {
        res.json(await schedules.template(parse(WeekdayParam, req, 'params').weekday));
      },
    },
    {
      method: 'put',
      path: '/schedule-template/:weekday',
      access: SCHEDULE_ACCESS.editTemplate,
      handler: async (req, res) => {
        const { weekday } = parse(WeekdayParam, req, 'params');
        res.json(await schedules.putTemplate(weekday, parse(ScheduleInput, req, 'body'), principalOf(req).id));
      },
    },
    {
      method: 'get',
      path: '/indices/current',
      access: [...EVERY_USER, 'kiosk'],
      handler: async (_req, res) => {
        res.json(await schedules.currentIndex());
      },
    },
    {
      method: 'get',
      path: '/indices/:date',
      access: EVERY_USER,
      handler: async (req, res) => {
        const rows = await records.forDate(parse(DateParam, req, 'params').date);
        res.json(rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) })));
      },
    },
    {
      method: 'post',
      path: '/indices/breaks',
      access: SCHEDULE_ACCESS.overrideBreak,
      handler: async (req, res) => {
        res.json(await schedules.overrideBreak(parse(BreakOverrideInput, req, 'body'), principalOf(req).id));
      },
    },
  ];
}
