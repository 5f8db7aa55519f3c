import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { useLanguage } from './index.js';
import { alertText } from './alert-text.js';

describe('alert sentences in the reader’s language', () => {
  const alert = {
    rule: 'over_capacity',
    message: 'Station 1: 5 people, at most 3',
    metadata: { text: { zone: 'Station 1', present: 5, max: 3 } },
  };
  it('says in English what the server said, and in Thai the same with the same values', () => {
    useLanguage('en');
    expect(get(alertText)(alert)).toBe(alert.message);
    useLanguage('th');
    expect(get(alertText)(alert)).toBe('Station 1: มี 5 คน เกินกำหนด 3 คน');
    expect(get(alertText)({ ...alert, rule: 'restricted_zone', metadata: { text: { who: '', zone: 'Press' } } })).toBe(
      'มีคน อยู่ในเขตหวงห้าม Press',
    );
  });
  it('falls back to the stored message for an alert without values', () => {
    useLanguage('th');
    expect(get(alertText)({ ...alert, metadata: {} })).toBe(alert.message);
  });
});
