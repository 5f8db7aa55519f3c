import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type {
  BenchRequest,
  BenchResult,
  FaceBenchResult,
  PhotoBenchResult,
} from '../../src/routes/bench/vision/run-bench.js';
import type { PersonBox } from '../../src/lib/vision/types.js';
import { signIn } from './browser.js';

export const SHARED = path.resolve('../shared');
export const FRAMES = ['f01.png', 'f02.png', 'f03.png', 'f04.png', 'f05.png'];

/** A model folder with what install laid down (npm's and the vendored YOLOX-nano), plus extra files. */
export function visionModelDir(extra: Record<string, Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fs-models-'));
  for (const f of readdirSync('static/models')) symlinkSync(path.resolve('static/models', f), path.join(dir, f));
  for (const [name, bytes] of Object.entries(extra)) writeFileSync(path.join(dir, name), bytes);
  return dir;
}

export function frameDataUrl(name: string): string {
  return `data:image/png;base64,${readFileSync(path.join(SHARED, 'eval/vision/frames', name)).toString('base64')}`;
}

/** Logs the page in and opens the vision bench page. */
export async function openBench(page: Page, base: string, username: string, password: string): Promise<void> {
  await signIn(page, base, username, password);
  await page.goto(`${base}/bench/vision`);
  await page.waitForFunction(() => 'floorsightBench' in window);
}

export function runInPage(page: Page, req: BenchRequest): Promise<BenchResult> {
  return page.evaluate(
    (r) =>
      (window as unknown as { floorsightBench: { run(x: typeof r): Promise<BenchResult> } }).floorsightBench.run(r),
    req,
  );
}

export function runFaceInPage(page: Page, frame: string, people: PersonBox[]): Promise<FaceBenchResult> {
  return page.evaluate(
    ([f, p]) =>
      (
        window as unknown as { floorsightBench: { face(a: string, b: PersonBox[]): Promise<FaceBenchResult> } }
      ).floorsightBench.face(f, p),
    [frame, people] as const,
  );
}

export function runPhotosInPage(page: Page, urls: string[]): Promise<PhotoBenchResult[]> {
  return page.evaluate(
    (u) =>
      (
        window as unknown as { floorsightBench: { photos(x: string[]): Promise<PhotoBenchResult[]> } }
      ).floorsightBench.photos(u),
    urls,
  );
}
