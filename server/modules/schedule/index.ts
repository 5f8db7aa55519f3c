// Work schedules, the day's indices and breaks, and the index monitor with its index_records.
export { indexSpan, type DayPlan, type Span } from './domain/day-plan.js';
export { attributeToIndices, type StateInterval } from './domain/attribution.js';
export { createScheduleService, type ScheduleService } from './schedule.service.js';
export { createScheduleRepository } from './schedule.repository.js';
export { createIndexRecordRepository } from './index-record.repository.js';
export type { IndexRecordRepository, ScheduleRepository } from './domain/ports.js';
export { startIndexMonitor } from './index-monitor.job.js';
export { scheduleRoutes, SCHEDULE_ACCESS } from './schedules.routes.js';
export { computeTimeline, SEED_SHIFT, timelineJson } from './domain/timeline.js';
