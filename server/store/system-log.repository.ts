import type { PrismaClient } from './generated/client.js';
import type { InputJsonValue } from './generated/internal/prismaNamespace.js';

export interface SystemLogEntry {
  timestamp: Date;
  level: 'WARNING' | 'ERROR' | 'CRITICAL';
  component: string;
  message: string;
  stackTrace: string | null;
  userId: string | null;
  metadata: Record<string, unknown> | null;
}

export function createSystemLogRepository(prisma: PrismaClient) {
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
export type SystemLogRepository = ReturnType<typeof createSystemLogRepository>;
