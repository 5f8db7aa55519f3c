import { Conflict, type ErrorReason } from '../../../src/lib/shared/errors.js';

/** A unique-constraint violation becomes a Conflict with the repository's own words; nothing above sees Prisma's codes. */
export async function conflictOnDuplicate<T>(write: Promise<T>, message: string, reason?: ErrorReason): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new Conflict(message, reason);
    throw err;
  }
}
