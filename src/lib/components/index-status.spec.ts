import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { _, intlLocale, useLanguage } from '$lib/i18n';
import type { IndexStateDto } from '$lib/protocol/schedule';
import { describeIndex, formatFactoryTime, formatMinSec } from './index-status';

const base = { date: '2025-01-15', total: 11, endsAt: '2025-01-15T03:34:05Z', nextChangeAt: null };

describe('describeIndex', () => {
  it.each([
    { s: { ...base, state: 'index', index: 3, remainingSec: 1200 }, elapsed: 0, text: 'Index 3/11 · 20 min left' },
    { s: { ...base, state: 'index', index: 3, remainingSec: 1200 }, elapsed: 600, text: 'Index 3/11 · 10 min left' },
    { s: { ...base, state: 'break', index: 3, remainingSec: 300 }, elapsed: 0, text: 'Break · 5 min left' },
    {
      s: { ...base, state: 'before_shift', index: null, remainingSec: 5400 },
      elapsed: 0,
      text: 'Before shift · starts in 1 h 30 min',
    },
    {
      s: { ...base, state: 'after_shift', index: null, remainingSec: null, endsAt: null },
      elapsed: 0,
      text: 'After shift',
    },
    {
      s: { ...base, state: 'day_off', index: null, total: 0, remainingSec: null, endsAt: null },
      elapsed: 0,
      text: 'Day off',
    },
  ] as { s: IndexStateDto; elapsed: number; text: string }[])('$text', ({ s, elapsed, text }) => {
    useLanguage('en');
    expect(describeIndex(s, elapsed, get(_))).toBe(text);
  });

  it('speaks Thai on a Thai page', () => {
    useLanguage('th');
    const s = { ...base, state: 'index', index: 3, remainingSec: 1200 } as IndexStateDto;
    expect(describeIndex(s, 0, get(_))).toBe('ดัชนี 3/11 · เหลือ 20 นาที');
    useLanguage('en');
  });
});

describe('formatMinSec', () => {
  it.each([
    [46 * 60 + 22, '46:22'],
    [2782.2, '46:22'],
    [59, '0:59'],
    [3600 + 65, '1:01:05'],
  ])('%s s → %s', (sec, text) => {
    expect(formatMinSec(sec)).toBe(text);
  });
});

describe('formatFactoryTime', () => {
  it('shows the factory zone’s 24-hour time, not the machine’s', () => {
    expect(formatFactoryTime('2026-01-05T07:05:09Z', 'Asia/Bangkok')).toBe('14:05:09');
    expect(formatFactoryTime('2026-01-05T23:30:00Z', 'Asia/Bangkok')).toBe('06:30:00');
    expect(formatFactoryTime('2026-01-05T07:05:09Z', 'Asia/Bangkok', intlLocale('th'))).toBe('14:05:09');
  });
});
