import type { EnrolmentDto, IdentitySettings, PhotoQuality } from '../../../src/lib/protocol/identity.js';
import type { PrismaClient } from '../../platform/db/generated/client.js';
import { siteSetting } from '../../platform/db/site-settings.js';
import type { IdentityRepository } from './domain/ports.js';

export function createIdentityRepository(prisma: PrismaClient): IdentityRepository {
  const settings = siteSetting<IdentitySettings>(prisma, 'identity');
  return {
    async worker(workerId) {
      const w = await prisma.worker.findUnique({
        where: { workerId },
        select: { workerId: true, name: true, active: true, faceConsent: true, faceConsentAt: true },
      });
      return (
        w && {
          workerId: w.workerId,
          name: w.name,
          active: w.active,
          consent: w.faceConsent,
          consentAt: w.faceConsentAt,
        }
      );
    },

    async enrolments(workerId) {
      const rows = await prisma.faceEnrolment.findMany({
        where: { workerId },
        orderBy: { version: 'desc' },
        select: { version: true, photoCount: true, createdAt: true, createdBy: true, supersededAt: true },
      });
      return rows.map((r): EnrolmentDto => ({
        version: r.version,
        photoCount: r.photoCount,
        createdAt: r.createdAt.toISOString(),
        createdBy: r.createdBy,
        current: r.supersededAt === null,
      }));
    },

    async badges() {
      const rows = await prisma.worker.findMany({
        where: { active: true, badgeId: { not: null } },
        select: { workerId: true, name: true, badgeId: true },
        orderBy: { workerId: 'asc' },
      });
      return rows.map((r) => ({ workerId: r.workerId, name: r.name, badgeId: r.badgeId! }));
    },

    async enrolledWorkers() {
      return prisma.worker.findMany({
        where: { active: true, faceConsent: true, faceEnrolments: { some: { supersededAt: null } } },
        select: { workerId: true, name: true },
        orderBy: { workerId: 'asc' },
      });
    },

    async gallery() {
      const rows = await prisma.faceEnrolment.findMany({
        where: { supersededAt: null, worker: { active: true, faceConsent: true } },
        select: { workerId: true, embedding: true, worker: { select: { name: true } } },
        orderBy: { workerId: 'asc' },
      });
      return rows.map((r) => ({ workerId: r.workerId, name: r.worker.name, embedding: r.embedding }));
    },

    async addEnrolment(workerId, e, by) {
      return prisma.$transaction(async (tx) => {
        const last = await tx.faceEnrolment.aggregate({ where: { workerId }, _max: { version: true } });
        const version = (last._max.version ?? 0) + 1;
        await tx.faceEnrolment.updateMany({
          where: { workerId, supersededAt: null },
          data: { supersededAt: new Date() },
        });
        await tx.faceEnrolment.create({
          data: {
            workerId,
            version,
            embedding: Buffer.from(e.embedding),
            photoCount: e.photos.length,
            createdBy: by,
            photos: {
              create: e.photos.map((p) => ({
                embedding: Buffer.from(p.embedding),
                image: p.image ? Buffer.from(p.image) : null,
                quality: p.quality,
              })),
            },
          },
        });
        return version;
      });
    },

    async setConsent(workerId, consent, by, at) {
      await prisma.worker.update({
        where: { workerId },
        data: { faceConsent: consent, faceConsentAt: at, faceConsentBy: by },
      });
    },

    async personalData(workerId) {
      const rows = await prisma.faceEnrolment.findMany({
        where: { workerId },
        orderBy: { version: 'desc' },
        include: { photos: { orderBy: { photoId: 'asc' } } },
      });
      return rows.map((r) => ({
        version: r.version,
        createdAt: r.createdAt,
        createdBy: r.createdBy,
        supersededAt: r.supersededAt,
        embedding: r.embedding,
        photos: r.photos.map((p) => ({
          quality: p.quality as PhotoQuality,
          embedding: p.embedding,
          image: p.image,
          createdAt: p.createdAt,
        })),
      }));
    },

    async deletePersonalData(workerId) {
      return (await prisma.faceEnrolment.deleteMany({ where: { workerId } })).count;
    },

    async deleteEnrolmentsBefore(cutoff) {
      const old = await prisma.faceEnrolment.findMany({
        where: { createdAt: { lt: cutoff } },
        select: { workerId: true },
      });
      await prisma.faceEnrolment.deleteMany({ where: { createdAt: { lt: cutoff } } });
      return [...new Set(old.map((o) => o.workerId))];
    },

    settings: () => settings.read(),
    putSettings: (v, by) => settings.write(v, by),

    async audit(e) {
      await prisma.auditLog.create({
        data: { tableName: e.table, operation: e.operation, newData: e.data as object, userId: e.userId },
      });
    },

    async recentAudit(table, limit) {
      const rows = await prisma.auditLog.findMany({
        where: table ? { tableName: table } : {},
        orderBy: { auditId: 'desc' },
        take: limit,
      });
      return rows.map((r) => ({
        auditId: String(r.auditId),
        table: r.tableName,
        operation: r.operation,
        userId: r.userId,
        at: r.timestamp.toISOString(),
        data: r.newData ?? r.oldData,
      }));
    },

    async resealAll(reseal) {
      return prisma.$transaction(async (tx) => {
        let n = 0;
        for (const r of await tx.faceEnrolment.findMany({ select: { enrolmentId: true, embedding: true } })) {
          await tx.faceEnrolment.update({
            where: { enrolmentId: r.enrolmentId },
            data: { embedding: Buffer.from(reseal(r.embedding)) },
          });
          n++;
        }
        for (const p of await tx.facePhoto.findMany({ select: { photoId: true, embedding: true, image: true } })) {
          await tx.facePhoto.update({
            where: { photoId: p.photoId },
            data: {
              embedding: Buffer.from(reseal(p.embedding)),
              image: p.image ? Buffer.from(reseal(p.image)) : null,
            },
          });
          n++;
        }
        return n;
      });
    },
  };
}
