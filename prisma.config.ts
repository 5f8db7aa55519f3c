import { defineConfig } from 'prisma/config';

// The schema engine cannot run on our build machines, so Prisma is used for the client only:
// migrations are plain SQL files in prisma/migrations applied by server/platform/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
