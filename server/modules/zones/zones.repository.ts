import type { TemplateDto, VersionDto, ZoneSpec } from '../../../src/lib/protocol/zones.js';
import { InvalidInput } from '../../../src/lib/shared/errors.js';
import type { Prisma, PrismaClient } from '../../platform/db/generated/client.js';
import type { ZonesRepository } from './domain/ports.js';
import { conflictOnDuplicate } from '../../platform/db/unique.js';

type ZoneRow = Awaited<ReturnType<PrismaClient['zone']['findMany']>>[number];

function spec(z: ZoneRow): ZoneSpec {
  return {
    zoneId: z.zoneId,
    name: z.name,
    color: z.color,
    zoneType: z.zoneType as ZoneSpec['zoneType'],
    polygon: z.polygonCoords as [number, number][],
    minWorkers: z.minWorkers,
    maxWorkers: z.maxWorkers,
    idleThresholdSeconds: z.idleThresholdSeconds,
    alertOnEmpty: z.alertOnEmpty,
    alertOnOverflow: z.alertOnOverflow,
  };
}

function columns(z: ZoneSpec) {
  return {
    name: z.name,
    color: z.color,
    zoneType: z.zoneType,
    polygonCoords: z.polygon,
    minWorkers: z.minWorkers,
    maxWorkers: z.maxWorkers,
    idleThresholdSeconds: z.idleThresholdSeconds,
    alertOnEmpty: z.alertOnEmpty,
    alertOnOverflow: z.alertOnOverflow,
    active: true,
  };
}

/**
 * Zone layouts per camera with their version history. A layout is saved whole: zones left out are
 * deactivated, not deleted, because their sessions and time logs are history that must stay.
 */
export function createZonesRepository(prisma: PrismaClient): ZonesRepository {
  async function current(tx: Prisma.TransactionClient | PrismaClient, cameraId: string) {
    const rows = await tx.zone.findMany({ where: { cameraId, active: true }, orderBy: { zoneId: 'asc' } });
    const last = await tx.zoneVersion.findFirst({ where: { cameraId }, orderBy: { version: 'desc' } });
    return { zones: rows.map(spec), version: last?.version ?? 0 };
  }

  return {
    cameraExists: async (cameraId: string) => (await prisma.camera.count({ where: { cameraId } })) > 0,

    layout: (cameraId: string) => current(prisma, cameraId),

    /** Every zone id this camera has had, active or not. */
    zoneIds: async (cameraId: string) =>
      (await prisma.zone.findMany({ where: { cameraId }, select: { zoneId: true } })).map((z) => z.zoneId),

    /** Stores the layout as the camera's next version, with an audit_logs row; returns the version. */
    async save(
      cameraId: string,
      zones: readonly ZoneSpec[],
      change: { action: VersionDto['action']; note: string | null; userId: string | null },
    ): Promise<{ version: number; before: ZoneSpec[] }> {
      return prisma.$transaction(async (tx) => {
        // One writer per camera at a time, so two saves cannot take the same version number.
        await tx.$executeRawUnsafe('SELECT 1 FROM cameras WHERE camera_id = $1 FOR UPDATE', cameraId);
        const before = await current(tx, cameraId);
        const elsewhere = await tx.zone.findMany({
          where: { zoneId: { in: zones.map((z) => z.zoneId) }, NOT: { cameraId } },
          select: { zoneId: true, cameraId: true },
        });
        if (elsewhere.length) {
          const i = zones.findIndex((z) => z.zoneId === elsewhere[0]!.zoneId);
          throw new InvalidInput(
            `zones.${i}.zoneId`,
            `${elsewhere[0]!.zoneId} belongs to camera ${elsewhere[0]!.cameraId}`,
            { key: 'zoneElsewhere', params: { zone: elsewhere[0]!.zoneId, camera: elsewhere[0]!.cameraId } },
          );
        }
        for (const z of zones) {
          await tx.zone.upsert({
            where: { zoneId: z.zoneId },
            create: { zoneId: z.zoneId, cameraId, ...columns(z) },
            update: columns(z),
          });
        }
        await tx.zone.updateMany({
          where: { cameraId, active: true, zoneId: { notIn: zones.map((z) => z.zoneId) } },
          data: { active: false },
        });
        const version = before.version + 1;
        await tx.zoneVersion.create({
          data: {
            cameraId,
            version,
            action: change.action,
            zones: zones as object[],
            note: change.note,
            createdBy: change.userId,
          },
        });
        await tx.auditLog.create({
          data: {
            tableName: 'zones',
            operation: 'UPDATE',
            oldData: { cameraId, version: before.version, zones: before.zones } as object,
            newData: { cameraId, version, action: change.action, zones } as object,
            userId: change.userId,
          },
        });
        return { version, before: before.zones };
      });
    },

    async versions(cameraId: string): Promise<VersionDto[]> {
      const rows = await prisma.zoneVersion.findMany({ where: { cameraId }, orderBy: { version: 'desc' } });
      const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => x !== null))];
      const users = await prisma.user.findMany({
        where: { userId: { in: ids } },
        select: { userId: true, displayName: true },
      });
      const nameOf = new Map(users.map((u) => [u.userId, u.displayName]));
      return rows.map((r) => ({
        version: r.version,
        action: r.action as VersionDto['action'],
        note: r.note,
        createdBy: r.createdBy,
        createdByName: (r.createdBy && nameOf.get(r.createdBy)) ?? null,
        createdAt: r.createdAt.toISOString(),
        zoneCount: (r.zones as unknown[]).length,
      }));
    },

    async version(cameraId: string, version: number): Promise<ZoneSpec[] | null> {
      const r = await prisma.zoneVersion.findUnique({ where: { cameraId_version: { cameraId, version } } });
      return r ? (r.zones as unknown as ZoneSpec[]) : null;
    },

    async templates(): Promise<TemplateDto[]> {
      const rows = await prisma.zoneTemplate.findMany({ orderBy: { name: 'asc' } });
      return rows.map((t) => ({
        templateId: t.templateId,
        name: t.name,
        description: t.description,
        zones: t.templateData as unknown as TemplateDto['zones'],
        createdBy: t.createdBy,
      }));
    },

    async createTemplate(t: { name: string; description: string | null; zones: TemplateDto['zones']; userId: string }) {
      const row = await conflictOnDuplicate(
        prisma.zoneTemplate.create({
          data: { name: t.name, description: t.description, templateData: t.zones as object[], createdBy: t.userId },
        }),
        `a template named "${t.name}" exists`,
        { key: 'templateExists', params: { name: t.name } },
      );
      return row.templateId;
    },
  };
}
