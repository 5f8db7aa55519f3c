// npm run user:create -- --username NAME --role admin|supervisor|operator|viewer [--name "Full Name"]
// The password is read from FLOORSIGHT_PASSWORD or, when unset, prompted for on the terminal.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { UserCreateRequest } from '../../../src/lib/protocol/auth.js';
import { createAuthService } from '../../modules/access/index.js';
import { createMemoryEventBus } from '../../platform/events/event-bus.js';
import { openMigrated } from '../boot.js';
import { loadConfig } from '../config.js';
import { systemClock } from '../../platform/system-clock.js';
import { createLogger, SystemLogSink } from '../../platform/log.js';
import { createCredentialsRepository } from '../../modules/access/index.js';
import { createUsersRepository } from '../../modules/access/index.js';

const { values } = parseArgs({
  options: { username: { type: 'string' }, role: { type: 'string', default: 'admin' }, name: { type: 'string' } },
});
let password = process.env.FLOORSIGHT_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password (at least 8 characters): ');
  rl.close();
}
const input = UserCreateRequest.safeParse({
  username: values.username,
  role: values.role,
  displayName: values.name ?? values.username,
  password,
});
if (!input.success) {
  const issue = input.error.issues[0]!;
  console.error(`--${String(issue.path[0])}: ${issue.message}`);
  process.exit(2);
}
const cfg = loadConfig();
const log = createLogger('warn', new SystemLogSink());
// With the embedded database, a running server holds it and this is refused (see pglite-lock.ts).
const db = await openMigrated(cfg, log).catch((err: unknown) => {
  console.error(`Cannot create the user: ${(err as Error).message}`);
  process.exit(3);
});
const auth = createAuthService({
  users: createUsersRepository(db.prisma),
  credentials: createCredentialsRepository(db.prisma),
  clock: systemClock,
  sessionTtlHours: cfg.sessionTtlHours,
  loginLimiter: new RateLimiterMemory({ points: 1, duration: 1 }),
  addressLimiter: new RateLimiterMemory({ points: 1, duration: 1 }),
  // Nothing listens in this one-shot process.
  events: createMemoryEventBus(() => undefined),
});
try {
  const user = await auth.createUser(input.data);
  console.log(`created ${user.role} "${user.username}" (${user.userId})`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
