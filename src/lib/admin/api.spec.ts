import { describe, expect, it } from 'vitest';
import { fieldError, type ApiResult } from './api.js';

describe('fieldError', () => {
  const failed: ApiResult<unknown> = {
    ok: false,
    status: 400,
    code: 'invalid_input',
    message: 'rtspUrl: must be an rtsp:// URL',
    field: 'rtspUrl',
  };
  it('shows the message beside the input the API named, and nowhere else', () => {
    expect(fieldError(failed, 'rtspUrl')?.message).toMatch(/rtsp:\/\//);
    expect(fieldError(failed, 'name')).toBeNull();
    expect(fieldError({ ok: true, status: 201, data: {} }, 'rtspUrl')).toBeNull();
    expect(fieldError(null, 'rtspUrl')).toBeNull();
  });
});
