import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The tracker runs in the kiosk page and in Node tests alike: it may import only its own siblings
// and the pure helpers of src/lib/shared (vector maths).
describe('src/lib/tracking stays pure', () => {
  const dir = 'src/lib/tracking';
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
  it.each(files)('%s imports only sibling and shared pure modules and touches no DOM, Node or clock', (file) => {
    // Comments may talk about a "window" or "process noise"; only code counts.
    const src = readFileSync(`${dir}/${file}`, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !i.startsWith('./') && i !== '../shared/vector.js')).toEqual([]);
    expect(src).not.toMatch(
      /\b(window|document|navigator|process|globalThis)\.|\bDate\.now|performance\.now|setTimeout\(|new Date\(\)/,
    );
  });
});
