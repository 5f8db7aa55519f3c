// Runs after `npm install`: generates the Prisma client. Prisma's schema engine cannot run on our
// build machines and is not needed for the client, so it is pointed at a no-op binary.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true' };
const r = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
if (r.status !== 0) process.exit(r.status ?? 1);
