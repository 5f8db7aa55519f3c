import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Model files (static/models, tens of MB) are not worth pre-compressing on every build.
    adapter: adapter({ out: 'build', precompress: false }),
    // Forms post to their own origin only; server/api/app.ts sets the remaining security headers.
    csrf: { trustedOrigins: [] },
  },
};
