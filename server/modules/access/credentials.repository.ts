import type { Role } from '../../../src/lib/protocol/auth.js';
import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { ApiKeyRecord, CredentialsRepository, KioskRecord } from './domain/ports.js';
import type { JsonValue } from '../../platform/db/generated/internal/prismaNamespace.js';

/** Login sessions, API keys and kiosk tokens: only hashes of the secrets are stored. */
export function createCredentialsRepository(prisma: PrismaClient): CredentialsRepository {
  const kiosk = (k: Omit<KioskRecord, 'cameraIds'> & { cameraIds: JsonValue }): KioskRecord => ({
    ...k,
    cameraIds: Array.isArray(k.cameraIds) ? k.cameraIds.map(String) : [],
  });
  return {
    async createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
      await prisma.authSession.create({ data: { tokenHash, userId, expiresAt } });
    },
    async findSession(tokenHash: string) {
      return prisma.authSession.findUnique({ where: { tokenHash }, include: { user: true } });
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await prisma.authSession.deleteMany({ where: { tokenHash } });
    },
    async deleteSessionsOf(userId: string): Promise<void> {
      await prisma.authSession.deleteMany({ where: { userId } });
    },
    async deleteExpiredSessions(now: Date): Promise<number> {
      return (await prisma.authSession.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    },

    async createApiKey(k: Omit<ApiKeyRecord, 'createdAt' | 'lastUsedAt' | 'revokedAt'> & { createdBy: string }) {
      await prisma.apiKey.create({ data: k });
    },
    async findApiKeyByPrefix(prefix: string): Promise<ApiKeyRecord | null> {
      const k = await prisma.apiKey.findUnique({ where: { prefix } });
      return k && { ...k, role: k.role as Role };
    },
    async listApiKeys(): Promise<ApiKeyRecord[]> {
      return (await prisma.apiKey.findMany({ orderBy: { createdAt: 'desc' } })).map((k) => ({
        ...k,
        role: k.role as Role,
      }));
    },
    async touchApiKey(apiKeyId: string, at: Date): Promise<void> {
      await prisma.apiKey.update({ where: { apiKeyId }, data: { lastUsedAt: at } });
    },
    async revokeApiKey(apiKeyId: string, at: Date): Promise<boolean> {
      return (
        (await prisma.apiKey.updateMany({ where: { apiKeyId, revokedAt: null }, data: { revokedAt: at } })).count > 0
      );
    },

    async createKiosk(
      k: Pick<KioskRecord, 'kioskId' | 'name' | 'prefix' | 'tokenHash' | 'cameraIds'> & { createdBy: string },
    ) {
      await prisma.kioskDevice.create({ data: k });
    },
    async findKioskByPrefix(prefix: string): Promise<KioskRecord | null> {
      const k = await prisma.kioskDevice.findUnique({ where: { prefix } });
      return k && kiosk(k);
    },
    async findKiosk(kioskId: string): Promise<KioskRecord | null> {
      const k = await prisma.kioskDevice.findUnique({ where: { kioskId } });
      return k && kiosk(k);
    },
    async listKiosks(): Promise<KioskRecord[]> {
      return (await prisma.kioskDevice.findMany({ orderBy: { createdAt: 'desc' } })).map(kiosk);
    },
    async revokeKiosk(kioskId: string, at: Date): Promise<boolean> {
      return (
        (await prisma.kioskDevice.updateMany({ where: { kioskId, revokedAt: null }, data: { revokedAt: at } })).count >
        0
      );
    },
    async saveKioskTelemetry(kioskId: string, telemetry: object, at: Date): Promise<void> {
      await prisma.kioskDevice.update({ where: { kioskId }, data: { telemetry, lastSeenAt: at } });
    },
    async recentKioskTelemetry(since: Date) {
      const rows = await prisma.kioskDevice.findMany({
        where: { revokedAt: null, lastSeenAt: { gte: since } },
        select: { kioskId: true, name: true, lastSeenAt: true, telemetry: true },
      });
      return rows.filter((r) => r.telemetry !== null);
    },
  };
}
