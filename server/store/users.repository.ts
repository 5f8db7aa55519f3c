import type { Role } from '../../src/lib/protocol/auth.js';
import type { PrismaClient } from './generated/client.js';

export interface UserRecord {
  userId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  active: boolean;
  lastLoginAt: Date | null;
}

export function createUsersRepository(prisma: PrismaClient) {
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
    async setActive(userId: string, active: boolean): Promise<UserRecord> {
      return toRecord(await prisma.user.update({ where: { userId }, data: { active } }));
    },
    async touchLogin(userId: string, at: Date): Promise<void> {
      await prisma.user.update({ where: { userId }, data: { lastLoginAt: at } });
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
