import { describe, expect, it } from 'vitest';
import en from './en.json';
import th from './th.json';

type Tree = { [k: string]: string | Tree };
const keys = (t: Tree, at = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${at}${k}`] : keys(v, `${at}${k}.`)));
const value = (t: Tree, key: string) => key.split('.').reduce<Tree | string>((n, k) => (n as Tree)[k]!, t) as string;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('English and Thai have the same keys, none empty', () => {
    expect(keys(th as Tree).sort()).toEqual(keys(en as Tree).sort());
    for (const k of keys(en as Tree)) {
      expect(value(en as Tree, k), k).not.toBe('');
      expect(value(th as Tree, k), k).not.toBe('');
    }
  });

  it('every message keeps its placeholders in both languages', () => {
    for (const k of keys(en as Tree))
      expect(placeholders(value(th as Tree, k)), k).toEqual(placeholders(value(en as Tree, k)));
  });

  it('Thai messages are Thai: each has Thai letters unless it is a symbol, code or name', () => {
    const untranslated = keys(th as Tree).filter((k) => {
      const v = value(th as Tree, k);
      return v === value(en as Tree, k) && /[A-Za-z]{3,}/.test(v);
    });
    expect(untranslated).toEqual([]);
  });
});
