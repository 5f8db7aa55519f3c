// npm run seed: lays down the demo site (idempotent: existing rows are left as they are).
import { openMigrated } from '../boot.js';
import { loadConfig } from '../config.js';
import { factoryDate } from '../../platform/domain/factory-time.js';
import { createLogger, SystemLogSink } from '../../platform/log.js';
import { seedDemo } from '../demo-site.repository.js';

const cfg = loadConfig();
const log = createLogger(cfg.logLevel, new SystemLogSink());
const db = await openMigrated(cfg, log);
const seeded = await seedDemo(db.prisma, { today: factoryDate(new Date(), cfg.timeZone), demoVideo: cfg.demoVideo });
log.info({ component: 'seed', ...seeded }, 'demo site seeded');
await db.close();
