import type { SystemLogEntry } from '../../../platform/domain/system-log.js';

export interface StoredSystemLog {
  logId: string;
  timestamp: Date;
  level: string;
  component: string;
  message: string;
  stackTrace: string | null;
  userId: string | null;
  metadata: unknown;
  createdAt: Date;
}

export interface SystemLogRepository {
  insertMany(entries: readonly SystemLogEntry[]): Promise<void>;
  /** newest first */
  recent(limit: number, level?: string): Promise<StoredSystemLog[]>;
}
