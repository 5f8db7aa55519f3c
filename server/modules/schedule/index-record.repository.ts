import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { IndexRecordRepository, IndexTotals } from './domain/ports.js';

/** Per-index figures from time_logs, written as index_records at each index's end. */
export function createIndexRecordRepository(prisma: PrismaClient): IndexRecordRepository {
  return {
    async totals(index: number, from: Date, to: Date): Promise<IndexTotals> {
      // Unidentified people count once per track and camera.
      const zoneRows = await prisma.$queryRaw<
        {
          zone_id: string | null;
          workers: bigint;
          active: bigint | null;
          idle: bigint | null;
          first_at: Date | null;
          last_at: Date | null;
        }[]
      >`
        SELECT zone_id,
               COUNT(DISTINCT COALESCE(worker_id, camera_id || ':' || track_id)) AS workers,
               SUM(active_duration_seconds) AS active,
               SUM(idle_duration_seconds) AS idle,
               MIN("timestamp") AS first_at,
               MAX("timestamp") AS last_at
          FROM time_logs
         WHERE index_number = ${index} AND "timestamp" >= ${from} AND "timestamp" < ${to}
         GROUP BY zone_id`;
      const [all] = await prisma.$queryRaw<{ workers: bigint }[]>`
        SELECT COUNT(DISTINCT COALESCE(worker_id, camera_id || ':' || track_id)) AS workers
          FROM time_logs
         WHERE index_number = ${index} AND "timestamp" >= ${from} AND "timestamp" < ${to}`;
      const anomalies = await prisma.anomaly.count({ where: { indexNumber: index, timestamp: { gte: from, lt: to } } });
      const zones: IndexTotals['zones'] = {};
      for (const r of zoneRows) {
        zones[r.zone_id ?? 'outside'] = {
          workers: Number(r.workers),
          active: Number(r.active ?? 0),
          idle: Number(r.idle ?? 0),
        };
      }
      const times = zoneRows.flatMap((r) => [r.first_at, r.last_at]).filter((t): t is Date => t !== null);
      return {
        workers: Number(all?.workers ?? 0),
        activeSec: zoneRows.reduce((s, r) => s + Number(r.active ?? 0), 0),
        idleSec: zoneRows.reduce((s, r) => s + Number(r.idle ?? 0), 0),
        firstAt: times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null,
        lastAt: times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : null,
        zones,
        anomalies,
      };
    },

    async upsert(r: {
      date: string;
      indexNumber: number;
      scheduledStart: Date;
      scheduledEnd: Date;
      totals: IndexTotals;
      completionStatus: 'on_time' | 'delayed' | 'incomplete';
    }): Promise<void> {
      const t = r.totals;
      const data = {
        scheduledStart: r.scheduledStart,
        scheduledEnd: r.scheduledEnd,
        actualStart: t.firstAt,
        actualEnd: t.lastAt,
        zoneMetrics: t.zones,
        completionStatus: r.completionStatus,
        totalWorkers: t.workers,
        totalActiveSeconds: t.activeSec,
        totalIdleSeconds: t.idleSec,
        productivityScore: t.activeSec + t.idleSec > 0 ? t.activeSec / (t.activeSec + t.idleSec) : null,
        anomaliesCount: t.anomalies,
      };
      const date = new Date(`${r.date}T00:00:00Z`);
      await prisma.indexRecord.upsert({
        where: { date_indexNumber: { date, indexNumber: r.indexNumber } },
        create: { date, indexNumber: r.indexNumber, ...data },
        update: data,
      });
    },

    async forDate(date: string) {
      return prisma.indexRecord.findMany({
        where: { date: new Date(`${date}T00:00:00Z`) },
        orderBy: { indexNumber: 'asc' },
      });
    },
  };
}
