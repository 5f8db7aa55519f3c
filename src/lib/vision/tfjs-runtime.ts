import type * as TfCore from '@tensorflow/tfjs-core';
import type { GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import { ASSET_PATHS, type RuntimeInfo } from './runtime.js';

/** The global `tf` the UMD bundles build: core, converter and the WASM backend's setup. */
export type Tf = typeof TfCore & {
  loadGraphModel: typeof loadGraphModel;
  wasm: { setWasmPaths(prefix: string): void; setThreadsCount(n: number): void };
};
export type { GraphModel };

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

let ready: Promise<Tf> | null = null;

/**
 * Starts TensorFlow.js once per page. Its UMD bundles are loaded from the server at run time rather
 * than bundled: the WASM backend starts its worker threads from the text of its own factory
 * function, which a bundler's minifier rewrites ("e is not defined" in every worker).
 */
export function initTfjs(runtime: RuntimeInfo): Promise<Tf> {
  ready ??= (async () => {
    for (const file of [
      'tfjs-core/tf-core.min.js',
      'tfjs-converter/tf-converter.min.js',
      'tfjs/tf-backend-wasm.min.js',
    ]) {
      await loadScript(`${ASSET_PATHS.vendor}${file}`);
    }
    const tf = (globalThis as unknown as { tf: Tf }).tf;
    if (runtime.backend === 'webgpu') {
      await loadScript(`${ASSET_PATHS.vendor}tfjs-webgpu/tf-backend-webgpu.min.js`);
      if (await tf.setBackend('webgpu')) return tf;
    }
    tf.wasm.setWasmPaths(`${ASSET_PATHS.vendor}tfjs/`);
    tf.wasm.setThreadsCount(runtime.threads);
    if (!(await tf.setBackend('wasm'))) throw new Error('the TensorFlow.js WASM backend could not start');
    return tf;
  })();
  return ready;
}
