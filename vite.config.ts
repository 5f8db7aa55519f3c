import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['src/**/*.spec.ts', 'server/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Integration and end-to-end suites share PostgreSQL databases and ports: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
