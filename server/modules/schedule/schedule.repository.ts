import type { BreakInput, ScheduleInput } from '../../../src/lib/protocol/schedule.js';
import type { z } from 'zod';
import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { ScheduleRepository, StoredSchedule } from './domain/ports.js';

type Break = z.infer<typeof BreakInput>;

const toTime = (hhmm: string) => new Date(`1970-01-01T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}Z`);
const fromTime = (d: Date) => d.toISOString().slice(11, 19);
const toDate = (date: string) => new Date(`${date}T00:00:00Z`);

function breaksOf(json: unknown): Break[] {
  return Array.isArray(json) ? (json as Break[]) : [];
}

export function createScheduleRepository(prisma: PrismaClient): ScheduleRepository {
  return {
    async findByDate(date: string): Promise<StoredSchedule | null> {
      const row = await prisma.schedule.findUnique({ where: { date: toDate(date) } });
      if (!row) return null;
      return {
        working: row.active,
        workStart: fromTime(row.workStartTime),
        workEnd: fromTime(row.workEndTime),
        breaks: breaksOf(row.breaks),
        indices: row.totalIndices,
        mode: row.indexMode as 'equal' | 'fixed',
        fixedMinutes: row.fixedMinutes,
        notes: row.notes,
        timeline: row.indexTimeline,
      };
    },

    /** Stores a day's schedule with its computed timeline; returns the row it replaced, if any. */
    async upsert(date: string, s: ScheduleInput, timeline: object): Promise<void> {
      const [b1, b2] = [...s.breaks].sort((a, b) => a.start.localeCompare(b.start));
      const data = {
        active: s.working,
        workStartTime: toTime(s.workStart),
        workEndTime: toTime(s.workEnd),
        // The seed's two break columns mirror the first two breaks, for reports written against seed 004.
        break1Start: b1 ? toTime(b1.start) : null,
        break1Duration: b1 ? Math.round(b1.durationMin) : null,
        break2Start: b2 ? toTime(b2.start) : null,
        break2Duration: b2 ? Math.round(b2.durationMin) : null,
        breaks: s.breaks,
        totalIndices: s.indices,
        indexMode: s.mode,
        fixedMinutes: s.fixedMinutes,
        notes: s.notes,
        indexTimeline: timeline,
      };
      await prisma.schedule.upsert({
        where: { date: toDate(date) },
        create: { date: toDate(date), ...data },
        update: data,
      });
    },

    async template(weekday: number): Promise<ScheduleInput | null> {
      const t = await prisma.scheduleTemplate.findUnique({ where: { weekday } });
      if (!t) return null;
      return {
        working: t.working,
        workStart: fromTime(t.workStartTime),
        workEnd: fromTime(t.workEndTime),
        breaks: breaksOf(t.breaks),
        indices: t.totalIndices,
        mode: t.indexMode as 'equal' | 'fixed',
        fixedMinutes: t.fixedMinutes,
        notes: null,
      };
    },

    async saveTemplate(weekday: number, s: ScheduleInput, userId: string): Promise<void> {
      const data = {
        working: s.working,
        workStartTime: toTime(s.workStart),
        workEndTime: toTime(s.workEnd),
        breaks: s.breaks,
        totalIndices: s.indices,
        indexMode: s.mode,
        fixedMinutes: s.fixedMinutes,
        updatedBy: userId,
      };
      await prisma.scheduleTemplate.upsert({ where: { weekday }, create: { weekday, ...data }, update: data });
    },

    async addOverride(o: {
      date: string;
      action: string;
      at: Date;
      minutes: number | null;
      reason: string | null;
      userId: string;
    }) {
      await prisma.breakOverride.create({ data: { ...o, date: toDate(o.date) } });
    },

    async overrides(date: string) {
      return prisma.breakOverride.findMany({ where: { date: toDate(date) }, orderBy: { at: 'asc' } });
    },

    async audit(
      tableName: string,
      operation: 'INSERT' | 'UPDATE' | 'DELETE',
      oldData: unknown,
      newData: unknown,
      userId: string,
    ) {
      await prisma.auditLog.create({
        data: {
          tableName,
          operation,
          oldData: (oldData ?? undefined) as object | undefined,
          newData: (newData ?? undefined) as object | undefined,
          userId,
        },
      });
    },
  };
}
