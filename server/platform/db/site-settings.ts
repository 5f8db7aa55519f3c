import type { PrismaClient } from './generated/client.js';

/** One site-wide setting (a JSON value in site_settings), as the modules that own it store it. */
export function siteSetting<T extends object>(prisma: PrismaClient, key: string) {
  return {
    async read(): Promise<Partial<T>> {
      return ((await prisma.siteSetting.findUnique({ where: { key } }))?.value ?? {}) as Partial<T>;
    },
    async write(value: T, by: string): Promise<void> {
      await prisma.siteSetting.upsert({
        where: { key },
        create: { key, value: value as object, updatedBy: by },
        update: { value: value as object, updatedBy: by, updatedAt: new Date() },
      });
    },
  };
}
