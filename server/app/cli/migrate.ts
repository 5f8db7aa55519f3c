// npm run db:migrate: applies pending SQL migrations to the configured database and exits.
import { openMigrated } from '../boot.js';
import { loadConfig } from '../config.js';
import { createLogger, SystemLogSink } from '../../platform/log.js';

const cfg = loadConfig();
const log = createLogger(cfg.logLevel, new SystemLogSink());
const db = await openMigrated(cfg, log);
await db.close();
