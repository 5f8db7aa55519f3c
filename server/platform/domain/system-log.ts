/** One warning or error as `system_logs` stores it. */
export interface SystemLogEntry {
  timestamp: Date;
  level: 'WARNING' | 'ERROR' | 'CRITICAL';
  component: string;
  message: string;
  stackTrace: string | null;
  userId: string | null;
  metadata: Record<string, unknown> | null;
}
