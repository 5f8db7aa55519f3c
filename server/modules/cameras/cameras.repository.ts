import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { CamerasRepository } from './domain/ports.js';

export function createCamerasRepository(prisma: PrismaClient): CamerasRepository {
  return {
    enabled: () => prisma.camera.findMany({ where: { NOT: { status: 'inactive' } }, orderBy: { cameraId: 'asc' } }),
    async setStatus(cameraId, status, lastSeenAt) {
      await prisma.camera.update({ where: { cameraId }, data: { status, ...(lastSeenAt ? { lastSeenAt } : {}) } });
    },
    async touch(cameraId, lastSeenAt) {
      await prisma.camera.update({ where: { cameraId }, data: { lastSeenAt } });
    },
  };
}
