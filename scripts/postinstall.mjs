// Runs after `npm install`: writes SvelteKit's generated tsconfig (tsconfig.json extends it, and
// Prisma reads tsconfig.json), lays down the models from npm, then generates the Prisma client. Prisma's schema engine cannot run
// on our build machines and is not needed for the client, so it is pointed at a no-op binary.
import { spawnSync } from 'node:child_process';

/** @param {string[]} args */
function run(args, env = process.env) {
  const r = spawnSync('npx', args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(['svelte-kit', 'sync']);
run(['node', 'scripts/lay-down-models.mjs']);
run(['prisma', 'generate'], {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
});
