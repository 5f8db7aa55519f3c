import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { DailySummary, DayFigures } from './domain/daily-summary.js';

const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** The day's figures from stored time_logs, anomalies and alerts, and the summaries written. */
export function createDailySummaryRepository(prisma: PrismaClient) {
  return {
    async figures(date: string, from: Date, to: Date): Promise<DayFigures> {
      const [zones, time, workers, anomalies, alerts] = await Promise.all([
        prisma.zone.findMany({
          where: { active: true },
          select: { zoneId: true, name: true },
          orderBy: { zoneId: 'asc' },
        }),
        prisma.$queryRawUnsafe<
          { zone_id: string | null; index_number: number | null; a: bigint | null; i: bigint | null }[]
        >(
          `SELECT zone_id, index_number, SUM(active_duration_seconds) AS a, SUM(idle_duration_seconds) AS i
             FROM time_logs WHERE "timestamp" >= $1 AND "timestamp" < $2 GROUP BY zone_id, index_number`,
          from,
          to,
        ),
        prisma.$queryRawUnsafe<{ worker_id: string; name: string; a: bigint | null; i: bigint | null }[]>(
          `SELECT t.worker_id, w.name, SUM(t.active_duration_seconds) AS a, SUM(t.idle_duration_seconds) AS i
             FROM time_logs t JOIN workers w ON w.worker_id = t.worker_id
            WHERE t."timestamp" >= $1 AND t."timestamp" < $2 GROUP BY t.worker_id, w.name`,
          from,
          to,
        ),
        prisma.anomaly.groupBy({ by: ['anomalyType'], where: { timestamp: { gte: from, lt: to } }, _count: true }),
        prisma.alert.findMany({
          where: { timestamp: { gte: from, lt: to }, severity: { not: 'critical' } },
          orderBy: { timestamp: 'asc' },
          select: { severity: true, alertType: true, message: true, timestamp: true },
        }),
      ]);
      return {
        date,
        zones,
        time: time.map((r) => ({
          zoneId: r.zone_id,
          indexNumber: r.index_number,
          activeSeconds: Number(r.a ?? 0),
          idleSeconds: Number(r.i ?? 0),
        })),
        workers: workers.map((r) => ({
          workerId: r.worker_id,
          name: r.name,
          activeSeconds: Number(r.a ?? 0),
          idleSeconds: Number(r.i ?? 0),
        })),
        anomalies: anomalies.map((a) => ({ type: a.anomalyType, count: a._count })),
        alerts: alerts.map((a) => ({
          severity: a.severity,
          rule: a.alertType,
          message: a.message,
          raisedAt: a.timestamp.toISOString(),
        })),
      };
    },
    async store(s: DailySummary, emailedTo: string | null): Promise<void> {
      await prisma.dailySummary.upsert({
        where: { date: day(s.date) },
        create: { date: day(s.date), summary: s as object, emailedTo },
        update: { summary: s as object, emailedTo, createdAt: new Date() },
      });
    },
    async exists(date: string): Promise<boolean> {
      return (await prisma.dailySummary.count({ where: { date: day(date) } })) > 0;
    },
    async get(date: string): Promise<DailySummary | null> {
      return ((await prisma.dailySummary.findUnique({ where: { date: day(date) } }))?.summary ??
        null) as DailySummary | null;
    },
    async recent(limit: number): Promise<{ date: string; productivityPct: number | null; anomalies: number }[]> {
      const rows = await prisma.dailySummary.findMany({ orderBy: { date: 'desc' }, take: limit });
      return rows.map((r) => {
        const s = r.summary as unknown as DailySummary;
        return { date: s.date, productivityPct: s.productivityPct, anomalies: s.anomalies.total };
      });
    },
  };
}
export type DailySummaryRepository = ReturnType<typeof createDailySummaryRepository>;
