import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export interface FfmpegChoice {
  path: string;
  /** `configured`: FFMPEG_PATH; `system`: on PATH; `npm`: the static build in @ffmpeg-installer */
  source: 'configured' | 'system' | 'npm';
  /** the version ffmpeg reports, null when it did not run */
  version: string | null;
}

function versionOf(path: string): string | null {
  const r = spawnSync(path, ['-version'], { encoding: 'utf8', timeout: 5000 });
  if (r.status !== 0) return null;
  return /ffmpeg version (\S+)/.exec(r.stdout)?.[1] ?? 'unknown';
}

/**
 * The ffmpeg the relay runs: the one configured, else the system's (Debian's has hardware
 * decoders and is kept up to date), else the static binary npm installed with
 * @ffmpeg-installer/ffmpeg, so a machine without ffmpeg still shows its cameras.
 */
export function chooseFfmpeg(configured: string | null): FfmpegChoice {
  if (configured) return { path: configured, source: 'configured', version: versionOf(configured) };
  const system = versionOf('ffmpeg');
  if (system) return { path: 'ffmpeg', source: 'system', version: system };
  const require = createRequire(import.meta.url);
  try {
    const npm = (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    return { path: npm, source: 'npm', version: versionOf(npm) };
  } catch {
    return { path: 'ffmpeg', source: 'system', version: null };
  }
}
