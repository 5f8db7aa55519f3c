import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { SystemLogRepository } from './domain/ports.js';
import type { InputJsonValue } from '../../platform/db/generated/internal/prismaNamespace.js';
import type { SystemLogEntry } from '../../platform/log.js';

export function createSystemLogRepository(prisma: PrismaClient): SystemLogRepository {
  return {
    async insertMany(entries: readonly SystemLogEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await prisma.systemLog.createMany({
        data: entries.map((e) => ({ ...e, metadata: (e.metadata ?? undefined) as InputJsonValue | undefined })),
      });
    },
    async recent(limit: number, level?: string) {
      const rows = await prisma.systemLog.findMany({
        where: level ? { level } : undefined,
        orderBy: [{ timestamp: 'desc' }, { logId: 'desc' }],
        take: limit,
      });
      return rows.map((r) => ({ ...r, logId: r.logId.toString() }));
    },
  };
}
