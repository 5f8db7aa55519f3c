import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { CatalogRepository } from './domain/ports.js';
import { conflictOnDuplicate } from '../../platform/db/unique.js';

/** Read access to the floor's fixed things: workers, cameras, zones. */
const CAMERA = {
  cameraId: true,
  name: true,
  sourceKind: true,
  location: true,
  status: true,
  resolution: true,
  fps: true,
  lastSeenAt: true,
  usbDevice: true,
} as const;

export function createCatalogRepository(prisma: PrismaClient): CatalogRepository {
  return {
    listWorkers: () =>
      prisma.worker.findMany({
        orderBy: { workerId: 'asc' },
        select: { workerId: true, name: true, badgeId: true, shift: true, skillLevel: true, active: true },
      }),
    createWorker: (w: {
      workerId: string;
      name: string;
      badgeId?: string | null;
      shift?: string | null;
      skillLevel?: string | null;
    }) =>
      conflictOnDuplicate(
        prisma.worker.create({
          data: w,
          select: { workerId: true, name: true, badgeId: true, shift: true, skillLevel: true, active: true },
        }),
        `worker ${w.workerId} or its badge already exists`,
      ),
    // Never select rtspUrl: it carries credentials and must not leave the server.
    listCameras: () => prisma.camera.findMany({ orderBy: { cameraId: 'asc' }, select: CAMERA }),
    async findCamera(cameraId: string) {
      return prisma.camera.findUnique({ where: { cameraId }, select: { ...CAMERA, calibrationParams: true } });
    },
    /** Active workers' enrolled faces (float32 embeddings stored as bytes). */
    async enrolledFaces() {
      const rows = await prisma.worker.findMany({
        where: { active: true, faceEmbedding: { not: null } },
        select: { workerId: true, name: true, faceEmbedding: true },
      });
      return rows.map((r) => ({
        workerId: r.workerId,
        name: r.name,
        embedding: new Float32Array(new Uint8Array(r.faceEmbedding!).buffer.slice(0)),
      }));
    },
    /** Resolution, fps and calibration settings; returns the stored calibration parameters. */
    async updateCameraSettings(
      cameraId: string,
      s: { resolution?: string; fps?: number; calibration?: Record<string, unknown> },
    ) {
      const cam = await prisma.camera.findUnique({ where: { cameraId }, select: { calibrationParams: true } });
      if (!cam) return null;
      const calibrationParams = { ...((cam.calibrationParams as object | null) ?? {}), ...s.calibration } as object;
      return prisma.camera.update({
        where: { cameraId },
        data: { resolution: s.resolution, fps: s.fps, calibrationParams },
        select: { cameraId: true, resolution: true, fps: true, calibrationParams: true },
      });
    },
    hasEnrolledFaces: async () =>
      (await prisma.worker.count({ where: { active: true, faceEmbedding: { not: null } } })) > 0,
    listZones: (cameraId?: string) =>
      prisma.zone.findMany({ where: cameraId ? { cameraId } : undefined, orderBy: { zoneId: 'asc' } }),
  };
}
