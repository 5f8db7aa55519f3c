import type { Logger } from 'pino';
import type { Clock } from '../../platform/domain/clock.js';
import { factoryDate, factoryInstantMs } from '../../platform/domain/factory-time.js';
import type { DayPlan } from '../schedule/index.js';
import type { Mailer } from './channels/email.channel.js';
import type { DailySummaryRepository } from './daily-summary.repository.js';
import { buildDailySummary, summaryText, type DailySummary } from './domain/daily-summary.js';

/** Without a schedule for the day, the summary is written at 17:00 factory time (seed 000). */
const DEFAULT_END_SEC = 17 * 3600;

export interface DailySummaryDeps {
  repo: DailySummaryRepository;
  clock: Clock;
  timeZone: string;
  dayPlan(date: string): Promise<DayPlan | null>;
  mailer: Mailer | null;
  /** who gets it by e-mail */
  to: string[];
  log: Logger;
}

/** The daily summary: built, stored and e-mailed once the day's shift has ended. */
export function createDailySummaries(d: DailySummaryDeps) {
  async function generate(date: string): Promise<DailySummary> {
    const from = new Date(factoryInstantMs(date, 0, d.timeZone));
    const to = new Date(factoryInstantMs(date, 24 * 3600, d.timeZone));
    const summary = buildDailySummary(await d.repo.figures(date, from, to));
    let emailed: string | null = null;
    if (d.mailer && d.to.length) {
      try {
        for (const r of d.to) await d.mailer(r, `Floorsight daily summary ${date}`, summaryText(summary));
        emailed = d.to.join(', ');
      } catch (err) {
        d.log.warn({ component: 'alerts', err }, 'the daily summary could not be e-mailed; it is stored');
      }
    }
    await d.repo.store(summary, emailed);
    return summary;
  }

  /** Writes today's summary when the shift is over and it is not written yet. */
  async function check(): Promise<DailySummary | null> {
    const now = d.clock.now();
    const today = factoryDate(now, d.timeZone);
    const plan = await d.dayPlan(today);
    const endMs = plan?.shift.endMs ?? factoryInstantMs(today, DEFAULT_END_SEC, d.timeZone);
    if (now.getTime() < endMs || (await d.repo.exists(today))) return null;
    return generate(today);
  }

  return {
    generate,
    check,
    get: (date: string) => d.repo.get(date),
    recent: (limit: number) => d.repo.recent(limit),
    start(everyMs = 60_000) {
      const run = () =>
        void check().catch((err: unknown) => d.log.warn({ component: 'alerts', err }, 'daily summary failed'));
      const timer = setInterval(run, everyMs);
      timer.unref();
      run();
      return { stop: () => clearInterval(timer) };
    },
  };
}
export type DailySummaries = ReturnType<typeof createDailySummaries>;
