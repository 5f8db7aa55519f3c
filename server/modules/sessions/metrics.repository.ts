import type { MetricsRepository } from './domain/ports.js';
import type { PrismaClient } from '../../platform/db/generated/client.js';

/** Aggregates over stored time_logs and sessions for a span of time. */
export function createMetricsRepository(prisma: PrismaClient): MetricsRepository {
  return {
    /** Active and idle seconds per (zone, index) logged within [from, to). */
    async timeByZoneAndIndex(from: Date, to: Date) {
      const rows = await prisma.$queryRawUnsafe<
        { zone_id: string | null; index_number: number | null; active: bigint | null; idle: bigint | null }[]
      >(
        `SELECT zone_id, index_number, SUM(active_duration_seconds) AS active, SUM(idle_duration_seconds) AS idle
           FROM time_logs WHERE "timestamp" >= $1 AND "timestamp" < $2
          GROUP BY zone_id, index_number`,
        from,
        to,
      );
      return rows.map((r) => ({
        zoneId: r.zone_id,
        indexNumber: r.index_number,
        activeSeconds: Number(r.active ?? 0),
        idleSeconds: Number(r.idle ?? 0),
      }));
    },
    /** Sessions entered within [from, to): how many, how many still open, how many named workers. */
    async sessionCounts(from: Date, to: Date) {
      const [r] = await prisma.$queryRawUnsafe<{ total: bigint; open: bigint; workers: bigint }[]>(
        `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE status = 'active') AS open,
                COUNT(DISTINCT worker_id) AS workers
           FROM sessions WHERE entry_time >= $1 AND entry_time < $2`,
        from,
        to,
      );
      return { sessions: Number(r!.total), openSessions: Number(r!.open), workers: Number(r!.workers) };
    },
  };
}
