import { get } from 'svelte/store';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Conflict, InvalidInput, NotFound } from '../shared/errors.js';
import { errorReport, invalidInputFromZod, parseInput, type ErrorReport } from '../shared/error-report.js';
import { useLanguage } from './index.js';
import { errorText } from './error-text.js';

const Camera = z.object({ name: z.string().min(2), fps: z.number().max(60), kind: z.enum(['rtsp', 'file']) });
const refusal = (value: unknown) => {
  try {
    parseInput(Camera, value, 'body');
  } catch (err) {
    return errorReport(err as InvalidInput);
  }
  throw new Error('parsed');
};
const inThai = (r: ErrorReport | { code: string; message: string }) => {
  useLanguage('th');
  return get(errorText)(r);
};

describe('refusals in the reader’s language', () => {
  it('names the field and the reason of a schema refusal, with its values', () => {
    const r = refusal({ name: 'x', fps: 5, kind: 'rtsp' });
    expect(r).toMatchObject({ code: 'invalid_input', field: 'body.name', reason: { key: 'zod_too_small' } });
    expect(r.reason?.params).toMatchObject({ origin: 'string', minimum: 2 });
    expect(inThai(r)).toBe('body.name: ต้องมีอย่างน้อย 2 ตัวอักษร');
    expect(refusal({ fps: 5, kind: 'rtsp' }).reason?.key).toBe('required');
    expect(inThai(refusal({ name: 'ok', fps: 5, kind: 'usb' }))).toBe('body.kind: ต้องเป็นค่าใดค่าหนึ่ง: rtsp, file');
    expect(inThai(refusal({ name: 'o\u0000k', fps: 5, kind: 'rtsp' }))).toBe('body.name: ต้องไม่มีอักขระควบคุม');
  });

  it('English readers get the server’s own words', () => {
    useLanguage('en');
    const r = errorReport(invalidInputFromZod(Camera.safeParse({ name: 'ok', fps: 99, kind: 'file' }).error!, 'body'));
    expect(get(errorText)(r)).toBe(r.message);
    expect(r.message).toMatch(/^body\.fps: /);
  });

  it('a domain refusal with a reason is translated; one without keeps its English detail after its kind', () => {
    expect(
      inThai(errorReport(new Conflict('camera c1 already exists', { key: 'cameraExists', params: { camera: 'c1' } }))),
    ).toBe('มีกล้อง c1 อยู่แล้ว');
    expect(inThai(errorReport(new NotFound('camera c9')))).toBe('ไม่พบข้อมูล (camera c9 not found)');
    expect(inThai({ code: 'teapot', message: 'short and stout' })).toBe('คำขอถูกปฏิเสธ (short and stout)');
  });
});
