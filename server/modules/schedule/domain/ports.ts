import type { ScheduleInput } from '../../../../src/lib/protocol/schedule.js';

/** A day's stored schedule with the timeline computed when it was saved. */
export interface StoredSchedule extends ScheduleInput {
  timeline: unknown;
}

export interface StoredBreakOverride {
  overrideId: number;
  date: Date;
  action: string;
  at: Date;
  minutes: number | null;
  reason: string | null;
  userId: string | null;
  createdAt: Date;
}

export interface ScheduleRepository {
  findByDate(date: string): Promise<StoredSchedule | null>;
  /** Stores a day's schedule with its computed timeline. */
  upsert(date: string, s: ScheduleInput, timeline: object): Promise<void>;
  template(weekday: number): Promise<ScheduleInput | null>;
  saveTemplate(weekday: number, s: ScheduleInput, userId: string): Promise<void>;
  addOverride(o: {
    date: string;
    action: string;
    at: Date;
    minutes: number | null;
    reason: string | null;
    userId: string;
  }): Promise<void>;
  overrides(date: string): Promise<StoredBreakOverride[]>;
  audit(
    tableName: string,
    operation: 'INSERT' | 'UPDATE' | 'DELETE',
    oldData: unknown,
    newData: unknown,
    userId: string,
  ): Promise<void>;
}

/** One index's figures from time_logs. */
export interface IndexTotals {
  workers: number;
  activeSec: number;
  idleSec: number;
  firstAt: Date | null;
  lastAt: Date | null;
  zones: Record<string, { workers: number; active: number; idle: number }>;
  anomalies: number;
}

export interface IndexRecordRow {
  indexId: number;
  date: Date;
  indexNumber: number;
  scheduledStart: Date;
  scheduledEnd: Date;
  actualStart: Date | null;
  actualEnd: Date | null;
  zoneMetrics: unknown;
  completionStatus: string | null;
  totalWorkers: number | null;
  totalActiveSeconds: number | null;
  totalIdleSeconds: number | null;
  productivityScore: number | null;
  anomaliesCount: number;
  notes: string | null;
  createdAt: Date;
}

export interface IndexRecordRepository {
  totals(index: number, from: Date, to: Date): Promise<IndexTotals>;
  upsert(r: {
    date: string;
    indexNumber: number;
    scheduledStart: Date;
    scheduledEnd: Date;
    totals: IndexTotals;
    completionStatus: 'on_time' | 'delayed' | 'incomplete';
  }): Promise<void>;
  forDate(date: string): Promise<IndexRecordRow[]>;
}
