import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.js';

describe('safeNext', () => {
  it.each([
    [null, '/'],
    ['', '/'],
    ['/floor', '/floor'],
    ['/schedule?date=2026-01-05#edit', '/schedule?date=2026-01-05#edit'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example/phish', '/'],
    ['/\t/evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/%5Cevil.example', '/%5Cevil.example'],
  ])('%j → %j', (next, out) => {
    expect(safeNext(next)).toBe(out);
  });
});
