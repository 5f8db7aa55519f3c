import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { CatalogRepository, WorkerSummary } from './domain/ports.js';
import { conflictOnDuplicate } from '../../platform/db/unique.js';

const WORKER = {
  workerId: true,
  name: true,
  badgeId: true,
  shift: true,
  skillLevel: true,
  active: true,
  stationAssignments: true,
} as const;

const toWorker = (w: Omit<WorkerSummary, 'stationAssignments'> & { stationAssignments: unknown }): WorkerSummary => ({
  ...w,
  stationAssignments: Array.isArray(w.stationAssignments) ? w.stationAssignments.map(String) : [],
});

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

/** Read access to the floor's fixed things (workers, cameras, zones), and the few writes on them. */
export function createCatalogRepository(prisma: PrismaClient): CatalogRepository {
  return {
    listWorkers: async () =>
      (await prisma.worker.findMany({ orderBy: { workerId: 'asc' }, select: WORKER })).map(toWorker),
    createWorker: (w: {
      workerId: string;
      name: string;
      badgeId?: string | null;
      shift?: string | null;
      skillLevel?: string | null;
    }) =>
      conflictOnDuplicate(
        prisma.worker.create({ data: w, select: WORKER }),
        `worker ${w.workerId} or its badge already exists`,
        { key: 'workerExists', params: { worker: w.workerId } },
      ).then(toWorker),
    // Never select rtspUrl: it carries credentials and must not leave the server.
    listCameras: () => prisma.camera.findMany({ orderBy: { cameraId: 'asc' }, select: CAMERA }),
    async findCamera(cameraId: string) {
      return prisma.camera.findUnique({ where: { cameraId }, select: { ...CAMERA, calibrationParams: true } });
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
    createCamera: (c) =>
      conflictOnDuplicate(
        prisma.camera.create({
          data: {
            cameraId: c.cameraId,
            name: c.name,
            location: c.location,
            resolution: c.resolution,
            fps: c.fps,
            sourceKind: c.sourceKind,
            status: 'active',
            ...(c.sourceKind === 'rtsp' && { rtspUrl: c.rtspUrl }),
            ...(c.sourceKind === 'usb' && { usbDevice: c.usbDevice }),
            ...(c.sourceKind === 'file' && { filePath: c.filePath }),
          },
          select: CAMERA,
        }),
        `camera ${c.cameraId} already exists`,
        { key: 'cameraExists', params: { camera: c.cameraId } },
      ),
    async renameCamera(cameraId, c) {
      const found = await prisma.camera.count({ where: { cameraId } });
      if (!found) return null;
      return prisma.camera.update({ where: { cameraId }, data: c, select: CAMERA });
    },
    async deactivateCamera(cameraId) {
      return (
        (
          await prisma.camera.updateMany({
            where: { cameraId, NOT: { status: 'inactive' } },
            data: { status: 'inactive' },
          })
        ).count > 0
      );
    },
    async updateWorker(workerId, w) {
      if (!(await prisma.worker.count({ where: { workerId } }))) return null;
      return conflictOnDuplicate(
        prisma.worker.update({ where: { workerId }, data: w, select: WORKER }),
        `badge ${w.badgeId ?? ''} belongs to another worker`,
        { key: 'badgeTaken', params: { badge: w.badgeId ?? '' } },
      ).then(toWorker);
    },
    listZones: (cameraId?: string) =>
      prisma.zone.findMany({ where: cameraId ? { cameraId } : undefined, orderBy: { zoneId: 'asc' } }),
  };
}
