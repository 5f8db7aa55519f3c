import { describe, expect, it } from 'vitest';
import { IdentityLinks } from './identity-links.js';

const A = { stream: 'k1/CAM01', trackId: 1 };
const B = { stream: 'k1/CAM02', trackId: 7 };

describe('one active track per worker', () => {
  const links = () => new IdentityLinks({ moveMargin: 0.05, forgetAfterMs: 10_000 });

  it('links a worker to the first track that claims them', () => {
    const l = links();
    expect(l.claim(A, 'W1', 0.7, 0)).toEqual({ linked: true, displaced: null });
    expect(l.workerOf(A)).toBe('W1');
  });

  it('keeps the identity against a barely stronger match, moves it for a clearly stronger one', () => {
    const l = links();
    l.claim(A, 'W1', 0.7, 0);
    expect(l.claim(B, 'W1', 0.74, 100)).toEqual({ linked: false, reason: 'weaker_than_holder', holderSimilarity: 0.7 });
    expect(l.claim(B, 'W1', 0.8, 200)).toEqual({ linked: true, displaced: A, displacedSimilarity: 0.7 });
    expect(l.workerOf(A)).toBeNull();
    expect(l.workerOf(B)).toBe('W1');
  });

  it('never gives one track two workers', () => {
    const l = links();
    l.claim(A, 'W1', 0.9, 0);
    expect(l.claim(A, 'W2', 0.95, 10)).toEqual({
      linked: false,
      reason: 'track_named_otherwise',
      holderSimilarity: null,
    });
  });

  it('forgets a link whose track is gone, so the worker can be named elsewhere', () => {
    const l = links();
    l.claim(A, 'W1', 0.9, 0);
    l.seen(A, 5_000);
    expect(l.claim(B, 'W1', 0.7, 14_000)).toMatchObject({ linked: false });
    expect(l.claim(B, 'W1', 0.7, 15_001)).toEqual({ linked: true, displaced: null });
  });

  it('drops a restarted stream’s links and a withdrawn worker’s', () => {
    const l = links();
    l.claim(A, 'W1', 0.9, 0);
    l.claim(B, 'W2', 0.9, 0);
    l.dropStream(A.stream);
    expect(l.workerOf(A)).toBeNull();
    expect(l.dropWorker('W2')).toEqual(B);
    expect(l.claim(A, 'W2', 0.6, 1)).toEqual({ linked: true, displaced: null });
  });
});
