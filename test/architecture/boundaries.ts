import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One import statement: where it points and whether it brings types only. */
interface Import {
  spec: string;
  typeOnly: boolean;
}

const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): Import[] {
  const out: Import[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4]!;
    out.push({ spec, typeOnly: Boolean(m[2]) });
  }
  return out;
}

const PURE_LIBS = ['src/lib/protocol/', 'src/lib/tracking/', 'src/lib/shared/'];
const isDomain = (f: string) => /^server\/modules\/[^/]+\/domain\//.test(f) || f.startsWith('server/platform/domain/');
const moduleOf = (f: string) => /^server\/modules\/([^/]+)\//.exec(f)?.[1] ?? null;
const isModuleIndex = (f: string) => /^server\/modules\/[^/]+\/index\.ts$/.test(f);
const isPrisma = (target: string) => target.startsWith('@prisma/') || target.includes('platform/db/generated/');

/** Resolves a relative specifier to a repository path (`.js` written for a `.ts` file). */
function resolve(from: string, spec: string): string {
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  if (/\.js$/.test(joined)) return joined.replace(/\.js$/, '.ts');
  return /\.(ts|svelte|json)$/.test(joined) ? joined : `${joined}.ts`;
}

/**
 * The layering rules of server/ and src/, as violations ("file → import: why"). `files` maps
 * repository paths to their source; tests pass the real tree, and a planted file to see it fail.
 */
export function boundaryViolations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of files) {
    if (file.endsWith('.spec.ts') || file.includes('/generated/')) continue;
    for (const imp of importsOf(source)) {
      const relative = imp.spec.startsWith('.');
      const target = relative ? resolve(file, imp.spec) : imp.spec;
      const bad = (why: string) => out.push(`${file} → ${imp.spec}: ${why}`);
      const from = moduleOf(file);
      const to = relative ? moduleOf(target) : null;

      if (isPrisma(target) && !file.endsWith('.repository.ts') && !file.startsWith('server/platform/db/')) {
        bad('only repositories and server/platform/db know Prisma');
      }
      if (to && to !== from && !isModuleIndex(target))
        bad(`another module is reached through server/modules/${to}/index.ts only`);
      if (
        file.startsWith('server/platform/') &&
        relative &&
        (target.startsWith('server/modules/') || target.startsWith('server/app/'))
      ) {
        bad('the platform sits below the modules and the app');
      }
      if (isDomain(file)) {
        if (!relative && imp.spec !== 'zod') bad('domain code imports no framework or I/O package');
        const ownDomain = from !== null && target.startsWith(`server/modules/${from}/domain/`);
        const allowed =
          ownDomain ||
          target.startsWith('server/platform/domain/') ||
          PURE_LIBS.some((p) => target.startsWith(p)) ||
          (isModuleIndex(target) && imp.typeOnly);
        if (relative && !allowed)
          bad('domain code imports its own domain, the platform domain, pure libraries, or other modules’ types');
      }
      if (file.startsWith('src/') && relative && target.startsWith('server/')) {
        const facadeType = target === 'server/app/page-facade.ts' && imp.typeOnly;
        if (!facadeType) bad('pages and browser code reach the server through the page facade’s types only');
      }
    }
  }
  return out;
}

/** Every .ts and .svelte file under the given folders, by repository path. */
export function sourceTree(root: string, folders: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) {
        if (name !== 'generated' && name !== 'node_modules') walk(rel);
      } else if (/\.(ts|svelte)$/.test(name)) files.set(rel, readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  folders.forEach(walk);
  return files;
}
