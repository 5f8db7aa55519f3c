import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  test: {
    include: ['src/**/*.spec.ts', 'server/**/*.spec.ts', 'test/**/*.spec.ts'],
    // Integration and end-to-end suites share PostgreSQL databases and ports: one file at a time.
    fileParallelism: false,
    // PostgreSQL, Redis and Chromium, found or provided for the run (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    // The built web app is loaded by the server under test as plain Node modules; run through
    // Vite's transforms, its compiled `*.svelte.js` chunks would be compiled a second time.
    server: { deps: { external: [/\/build\//] } },
    hookTimeout: 120_000,
  },
});
