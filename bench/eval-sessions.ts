// npm run eval:sessions [-- --json] [-- --scenarios FILE]
// Runs scripted people with known truth through the session engine and prints, per session, the
// error in active seconds, idle seconds and dwell. Format of FILE: bench/session-scenarios.json
// (see README, "Session engine").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runScenario, Scenario } from '../server/modules/sessions/domain/scenario.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    scenarios: { type: 'string', default: path.join(import.meta.dirname, 'session-scenarios.json') },
  },
});

const parsed = z
  .array(Scenario)
  .min(1)
  .safeParse(JSON.parse(readFileSync(values.scenarios!, 'utf8')));
if (!parsed.success) {
  const issue = parsed.error.issues[0]!;
  console.error(`${values.scenarios}: ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}

const results = parsed.data.map((sc) => runScenario(sc));
const f = (n: number) => n.toFixed(2).padStart(8);
for (const r of results) {
  console.log(`\n${r.name}`);
  console.log('  person zone  sessions  dwell truth/engine    active truth/engine    idle truth/engine');
  for (const s of r.sessions) {
    console.log(
      `  ${String(s.person).padStart(6)} ${s.zone.padEnd(5)} ${String(s.engine.sessions).padStart(8)}  ${f(s.truth.dwellS)} ${f(s.engine.dwellS)}    ${f(s.truth.activeS)} ${f(s.engine.activeS)}    ${f(s.truth.idleS)} ${f(s.engine.idleS)}`,
    );
  }
  console.log(
    `  error: active ${r.activeErrorPct.toFixed(3)} %, idle ${r.idleErrorPct.toFixed(3)} %, worst dwell ${r.maxDwellErrorS.toFixed(2)} s`,
  );
}
const worst = {
  scenarios: results.length,
  activeErrorPct: Number(Math.max(...results.map((r) => r.activeErrorPct)).toFixed(3)),
  idleErrorPct: Number(Math.max(...results.map((r) => r.idleErrorPct)).toFixed(3)),
  maxDwellErrorS: Number(Math.max(...results.map((r) => r.maxDwellErrorS)).toFixed(2)),
};
console.log(
  `\nworst over ${worst.scenarios} scenarios: active ${worst.activeErrorPct} %, idle ${worst.idleErrorPct} %, dwell ${worst.maxDwellErrorS} s`,
);
if (values.json) console.log(JSON.stringify(worst));
