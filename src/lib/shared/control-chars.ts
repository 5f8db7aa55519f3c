// PostgreSQL text cannot hold U+0000, and other C0 controls are never part of a name or a note.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_CHAR_MESSAGE = 'must not contain control characters';

/**
 * The path of the first string in `value` that holds a control character (tab and newlines are
 * fine), as `root.field.0.name`; null when there is none. Checked on every parsed request, so no
 * schema can forget it.
 */
export function controlCharPath(value: unknown, root: string): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? root : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = controlCharPath(v, root ? `${root}.${k}` : k);
    if (found) return found;
  }
  return null;
}
