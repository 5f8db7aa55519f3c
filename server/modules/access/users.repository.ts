import type { Role } from '../../../src/lib/protocol/auth.js';
import { Conflict } from '../../../src/lib/shared/errors.js';
import type { PrismaClient } from '../../platform/db/generated/client.js';
import type { UserRecord, UsersRepository } from './domain/ports.js';

export function createUsersRepository(prisma: PrismaClient): UsersRepository {
  const toRecord = (u: {
    userId: string;
    username: string;
    displayName: string;
    passwordHash: string;
    role: string;
    active: boolean;
    lastLoginAt: Date | null;
  }): UserRecord => ({ ...u, role: u.role as Role });
  return {
    async findByUsername(username: string): Promise<UserRecord | null> {
      const u = await prisma.user.findUnique({ where: { username } });
      return u && toRecord(u);
    },
    async findById(userId: string): Promise<UserRecord | null> {
      const u = await prisma.user.findUnique({ where: { userId } });
      return u && toRecord(u);
    },
    async list(): Promise<UserRecord[]> {
      return (await prisma.user.findMany({ orderBy: { username: 'asc' } })).map(toRecord);
    },
    async count(): Promise<number> {
      return prisma.user.count();
    },
    async create(u: Omit<UserRecord, 'lastLoginAt'>): Promise<UserRecord> {
      return toRecord(await prisma.user.create({ data: u }));
    },
    /**
     * Changes a user's role or active flag. Refused when it would leave no active admin: the check
     * and the change share one transaction, with the admins' rows locked, so two admins removing
     * each other at once cannot both succeed.
     */
    async update(userId: string, patch: { active?: boolean; role?: Role }): Promise<UserRecord> {
      return prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT user_id FROM users WHERE role = 'admin' AND active FOR UPDATE`;
        const u = await tx.user.update({ where: { userId }, data: patch });
        if ((await tx.user.count({ where: { role: 'admin', active: true } })) === 0) {
          throw new Conflict('this is the last active admin: make another user admin first', {
            key: 'lastAdmin',
          });
        }
        return toRecord(u);
      });
    },
    async touchLogin(userId: string, at: Date): Promise<void> {
      await prisma.user.update({ where: { userId }, data: { lastLoginAt: at } });
    },
  };
}
