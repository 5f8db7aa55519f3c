import type { Redis } from 'ioredis';
import type { Clock } from './domain/clock.js';

/** A small JSON cache: Redis when configured (shared by all processes), process memory otherwise. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSec: number): Promise<void>;
  del(key: string): Promise<void>;
}

export function createCache(redis: Redis | null, clock: Clock): Cache {
  if (redis) {
    // A cache miss is always safe, so Redis being away only costs a database read.
    return {
      async get<T>(key: string) {
        const raw = await redis.get(key).catch(() => null);
        return raw === null ? undefined : (JSON.parse(raw) as T);
      },
      async set(key, value, ttlSec) {
        await redis.set(key, JSON.stringify(value), 'EX', ttlSec).catch(() => undefined);
      },
      async del(key) {
        await redis.del(key).catch(() => undefined);
      },
    };
  }
  const entries = new Map<string, { value: string; expiresMs: number }>();
  return {
    async get<T>(key: string) {
      const e = entries.get(key);
      if (!e || e.expiresMs <= clock.now().getTime()) return undefined;
      return JSON.parse(e.value) as T;
    },
    async set(key, value, ttlSec) {
      entries.set(key, { value: JSON.stringify(value), expiresMs: clock.now().getTime() + ttlSec * 1000 });
    },
    async del(key) {
      entries.delete(key);
    },
  };
}
