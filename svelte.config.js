import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // Model files (static/models, tens of MB) are not worth pre-compressing on every build.
    adapter: adapter({ out: 'build', precompress: false }),
    // Forms post to their own origin only; server/app/http-app.ts sets the remaining security headers.
    csrf: { trustedOrigins: [] },
    // Every page's policy. SvelteKit adds a nonce for its own start-up script, so no inline script
    // runs that the app did not write. WASM inference needs 'wasm-unsafe-eval' (not 'unsafe-eval');
    // the WASM runtimes' threads start as blob: workers that load their code from blob: URLs (a blob:
    // URL can only be made by script already running on this origin); video comes as WebRTC media streams and
    // blob: URLs; the vision bench and zone editor read frames from data: URLs. Svelte sets style
    // attributes (grid sizes, zone colours), hence inline styles.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval', 'blob:'],
        'worker-src': ['self', 'blob:'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'media-src': ['self', 'blob:', 'mediastream:'],
        'connect-src': ['self', 'data:', 'blob:'],
        'font-src': ['self', 'data:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
