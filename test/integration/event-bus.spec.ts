import type { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisEventBus } from '../../server/platform/events/event-bus.js';
import { createRedis } from '../../server/platform/redis.js';
import type { FloorEvents } from '../../server/platform/events/floor-events.js';
import { REDIS_URL } from '../support/postgres.js';

describe('event bus across processes (real Redis)', () => {
  const clients: Redis[] = [];
  afterAll(() => clients.forEach((c) => c.disconnect()));

  it('an event published in one process reaches the others once, in order, and itself once', async () => {
    // The server's own client (no offline queue), used at once, before it has connected.
    const open = () => {
      const r = createRedis(REDIS_URL, (err) => {
        throw err;
      });
      clients.push(r);
      return createRedisEventBus(r, (err) => {
        throw err;
      });
    };
    const [one, two] = [open(), open()];
    await Promise.all([one.ready, two.ready]);
    const atOne: string[] = [];
    const atTwo: string[] = [];
    one.subscribe('credentials.revoked', (e) => void atOne.push(e.principalId));
    two.subscribe('credentials.revoked', (e) => void atTwo.push(e.principalId));
    const ids = ['k1', 'k2', 'k3'];
    for (const principalId of ids)
      one.publish('credentials.revoked', { principalId } satisfies FloorEvents['credentials.revoked']);
    await expect.poll(() => atTwo.length, { timeout: 5000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(atTwo).toEqual(ids);
    expect(atOne).toEqual(ids);
    await one.close();
    await two.close();
  });

  it('a bus on another channel (another deployment on the same Redis) hears nothing of this one', async () => {
    const open = (channel: string) => {
      const r = createRedis(REDIS_URL, (err) => {
        throw err;
      });
      clients.push(r);
      return createRedisEventBus(
        r,
        (err) => {
          throw err;
        },
        channel,
      );
    };
    const [production, staging] = [open('fs:events:site-a'), open('fs:events:site-b')];
    await Promise.all([production.ready, staging.ready]);
    const heard: string[] = [];
    staging.subscribe('zones.changed', (e) => void heard.push(e.cameraId));
    const own: string[] = [];
    production.subscribe('zones.changed', (e) => void own.push(e.cameraId));
    production.publish('zones.changed', { cameraId: 'CAM01' });
    await new Promise((r) => setTimeout(r, 200));
    expect(own).toEqual(['CAM01']);
    expect(heard).toEqual([]);
    await production.close();
    await staging.close();
  });
});
