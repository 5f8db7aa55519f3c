import { describe, expect, it } from 'vitest';
import { createMemoryEventBus } from './event-bus.js';

describe('in-process event bus', () => {
  it('delivers each event once to every subscriber, in publish order, until they unsubscribe', () => {
    const errors: unknown[] = [];
    const bus = createMemoryEventBus((err) => errors.push(err));
    const a: string[] = [];
    const b: string[] = [];
    const offA = bus.subscribe('zones.changed', (e) => void a.push(e.cameraId));
    bus.subscribe('zones.changed', (e) => void b.push(e.cameraId));
    bus.publish('zones.changed', { cameraId: 'CAM01' });
    bus.publish('zones.changed', { cameraId: 'CAM02' });
    offA();
    bus.publish('zones.changed', { cameraId: 'CAM03' });
    expect(a).toEqual(['CAM01', 'CAM02']);
    expect(b).toEqual(['CAM01', 'CAM02', 'CAM03']);
    expect(errors).toEqual([]);
  });

  it('a handler that throws or rejects is reported and does not stop the others', async () => {
    const errors: string[] = [];
    const bus = createMemoryEventBus((err, type) => errors.push(`${type}: ${(err as Error).message}`));
    const seen: string[] = [];
    bus.subscribe('schedule.changed', () => {
      throw new Error('boom');
    });
    bus.subscribe('schedule.changed', async () => {
      throw new Error('later');
    });
    bus.subscribe('schedule.changed', (e) => void seen.push(e.date));
    bus.publish('schedule.changed', { date: '2026-01-05' });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['2026-01-05']);
    expect(errors).toEqual(['schedule.changed: boom', 'schedule.changed: later']);
  });
});
