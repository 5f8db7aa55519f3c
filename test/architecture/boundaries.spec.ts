import { describe, expect, it } from 'vitest';
import { boundaryViolations, importsOf, sourceTree } from './boundaries.js';

const tree = sourceTree(process.cwd(), ['server', 'src']);

describe('module boundaries', () => {
  it('the tree keeps them', () => {
    expect(boundaryViolations(tree)).toEqual([]);
  });

  it.each([
    [
      'a module reaching into another',
      'server/modules/zones/planted.ts',
      "import { SessionStream } from '../sessions/domain/session-engine.js';",
      /zones\/planted\.ts → .*: another module is reached through server\/modules\/sessions\/index\.ts only/,
    ],
    [
      'Prisma outside a repository',
      'server/modules/cameras/planted.service.ts',
      "import type { PrismaClient } from '../../platform/db/generated/client.js';",
      /only repositories and server\/platform\/db know Prisma/,
    ],
    [
      'a framework in domain code',
      'server/modules/sessions/domain/planted.ts',
      "import express from 'express';",
      /domain code imports no framework/,
    ],
    [
      'domain code using another module’s service',
      'server/modules/sessions/domain/planted2.ts',
      "import { createScheduleService } from '../../schedule/index.js';",
      /domain code imports its own domain/,
    ],
    [
      'the platform importing a module',
      'server/platform/planted.ts',
      "import { createIntakeService } from '../modules/sessions/index.js';",
      /the platform sits below the modules/,
    ],
    [
      'a page importing server internals',
      'src/routes/planted/+page.server.ts',
      "import { SCHEDULE_ACCESS } from '../../../server/modules/schedule/index';",
      /through the page facade’s types only/,
    ],
  ])('fails on a planted violation: %s', (_name, file, source, message) => {
    const planted = new Map(tree).set(file, source);
    const found = boundaryViolations(planted);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it('reads static, re-exported, type-only and dynamic imports', () => {
    expect(
      importsOf(
        "import a from 'x';\nimport type { B } from './b.js';\nexport { c } from '../c.js';\nconst d = await import('./d.js');",
      ),
    ).toEqual([
      { spec: 'x', typeOnly: false },
      { spec: './b.js', typeOnly: true },
      { spec: '../c.js', typeOnly: false },
      { spec: './d.js', typeOnly: false },
    ]);
  });
});
