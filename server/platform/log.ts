import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type { SystemLogEntry } from './domain/system-log.js';

export type { SystemLogEntry };
/** Where the sink writes (the system module's repository). */
export interface SystemLogWriter {
  insertMany(entries: readonly SystemLogEntry[]): Promise<void>;
}

const LEVEL_NAMES: Record<number, SystemLogEntry['level']> = { 40: 'WARNING', 50: 'ERROR', 60: 'CRITICAL' };
const FLUSH_MS = 1000;
const MAX_QUEUE = 1000;

/**
 * Copies warnings and errors into system_logs. Writes are batched and never block logging; when
 * the database is away the entries wait in a bounded queue, and beyond that they are dropped
 * (stdout still has them) rather than growing memory without end.
 */
export class SystemLogSink extends Writable {
  private queue: SystemLogEntry[] = [];
  private repo: SystemLogWriter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  attach(repo: SystemLogWriter): void {
    this.repo = repo;
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    try {
      const rec = JSON.parse(chunk.toString('utf8')) as Record<string, unknown>;
      const level = LEVEL_NAMES[Math.min(60, Math.floor(Number(rec.level) / 10) * 10)];
      if (level && this.queue.length < MAX_QUEUE) this.queue.push(toEntry(rec, level));
    } catch {
      // A line that is not JSON is not ours to store.
    }
    done();
  }

  async flush(): Promise<void> {
    if (!this.repo || this.flushing || this.queue.length === 0) return this.flushing ?? undefined;
    const batch = this.queue.splice(0, this.queue.length);
    this.flushing = this.repo
      .insertMany(batch)
      .catch(() => {
        // Keep them for the next try, within the bound; logging the failure would loop back here.
        this.queue = [...batch, ...this.queue].slice(0, MAX_QUEUE);
      })
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}

function toEntry(rec: Record<string, unknown>, level: SystemLogEntry['level']): SystemLogEntry {
  const { time, level: _l, msg, component, err, userId, pid: _p, hostname: _h, ...rest } = rec;
  const e = err as { message?: string; stack?: string } | undefined;
  return {
    timestamp: new Date(typeof time === 'number' ? time : Date.now()),
    level,
    component: typeof component === 'string' ? component.slice(0, 100) : 'server',
    message: String(msg ?? e?.message ?? ''),
    stackTrace: e?.stack ?? null,
    userId: typeof userId === 'string' ? userId : null,
    metadata: Object.keys(rest).length ? rest : null,
  };
}

export function createLogger(
  level: pino.LevelWithSilent,
  sink: SystemLogSink,
  out: NodeJS.WritableStream = process.stdout,
): Logger {
  return pino(
    { level, base: undefined },
    pino.multistream([
      { level: level === 'silent' ? 'fatal' : level, stream: out },
      { level: 'warn', stream: sink },
    ]),
  );
}
