import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FloorEventName, FloorEvents } from './floor-events.js';

export type Handler<K extends FloorEventName> = (payload: FloorEvents[K]) => void | Promise<void>;

/**
 * One typed bus for what modules tell each other. Delivery: every subscriber of this process gets
 * each event once, synchronously, in publish order; a handler that throws (or rejects) is reported
 * to `onError` and does not stop the others. Across processes (Redis), at most once: a process that
 * is down or disconnected misses what was published meanwhile, so anything that must not be lost
 * (escalation timers, counts) keeps its state in PostgreSQL and reads it back.
 */
export interface EventBus {
  publish<K extends FloorEventName>(type: K, payload: FloorEvents[K]): void;
  /** returns the unsubscribe function */
  subscribe<K extends FloorEventName>(type: K, handler: Handler<K>): () => void;
  close(): Promise<void>;
}

type AnyHandler = (payload: unknown) => void | Promise<void>;

function localDispatch(onError: (err: unknown, type: string) => void) {
  const handlers = new Map<string, Set<AnyHandler>>();
  return {
    dispatch(type: string, payload: unknown): void {
      for (const h of handlers.get(type) ?? []) {
        try {
          const r = h(payload);
          if (r instanceof Promise) r.catch((err: unknown) => onError(err, type));
        } catch (err) {
          onError(err, type);
        }
      }
    },
    subscribe(type: string, handler: AnyHandler): () => void {
      const set = handlers.get(type) ?? new Set();
      set.add(handler);
      handlers.set(type, set);
      return () => set.delete(handler);
    },
  };
}

/** The bus of one process. */
export function createMemoryEventBus(onError: (err: unknown, type: string) => void): EventBus {
  const local = localDispatch(onError);
  return {
    publish: (type, payload) => local.dispatch(type, payload),
    subscribe: (type, handler) => local.subscribe(type, handler as AnyHandler),
    async close() {},
  };
}

/** The default channel; a deployment names its own (see compose.ts), so two sharing a Redis do not cross-talk. */
export const DEFAULT_CHANNEL = 'fs:events';

/**
 * The bus shared by every process on one Redis, over pub/sub on one channel (ordered per
 * publisher). Chosen over Redis streams and BullMQ because these events are notifications to act on
 * now; nothing here needs replay, and what must survive lives in the database. A process handles its
 * own events locally at once and ignores their echo.
 */
export function createRedisEventBus(
  redis: Redis,
  onError: (err: unknown, type: string) => void,
  channel = DEFAULT_CHANNEL,
): EventBus & { /** resolves once this process hears the others */ ready: Promise<void> } {
  const origin = randomUUID();
  const local = localDispatch(onError);
  // The subscriber waits for Redis rather than failing while it connects (the shared client does not queue).
  const sub = redis.duplicate({ enableOfflineQueue: true });
  sub.on('error', (err) => onError(err, channel));
  // Not awaited at start-up: with Redis away, the subscription waits for it and the process runs alone.
  const ready = sub.subscribe(channel).then(
    () => undefined,
    (err: unknown) => onError(err, channel),
  );
  sub.on('message', (_channel, text: string) => {
    let msg: { origin: string; type: string; payload: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch (err) {
      return onError(err, channel);
    }
    if (msg.origin !== origin) local.dispatch(msg.type, msg.payload);
  });
  return {
    ready,
    publish(type, payload) {
      local.dispatch(type, payload);
      // While Redis is away other processes miss this one; ioredis queues it until it reconnects.
      redis.publish(channel, JSON.stringify({ origin, type, payload })).catch((err: unknown) => onError(err, type));
    },
    subscribe: (type, handler) => local.subscribe(type, handler as AnyHandler),
    async close() {
      sub.disconnect();
    },
  };
}
