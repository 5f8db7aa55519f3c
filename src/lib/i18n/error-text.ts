import { derived } from 'svelte/store';
import { _, locale } from 'svelte-i18n';
import en from './en.json';
import type { ErrorReason } from '$lib/shared/errors';

const known = new Set(Object.keys(en.apiError));

/**
 * An API or form refusal in the reader's language. English readers get the server's own words,
 * which name every value; others get the catalogue's sentence for the reason (with the field it
 * names), or, for a refusal the catalogue has no sentence for, its kind followed by the English
 * detail, so nothing is hidden.
 */
interface Refusal {
  code?: string;
  message?: string;
  field?: string | null;
  reason?: ErrorReason;
}

export const errorText = derived([_, locale], ([t, lang]) => (report: Refusal): string => {
  const message = report.message ?? '';
  if (!lang || lang.startsWith('en')) return message;
  const field = report.field ? `${report.field}: ` : '';
  if (report.reason && known.has(report.reason.key)) {
    try {
      return field + t(`apiError.${report.reason.key}`, { values: report.reason.params ?? {} });
    } catch {
      // A reason without the values its sentence needs falls through to the kind and the detail.
    }
  }
  const kind = known.has(`code_${report.code}`) ? `apiError.code_${report.code}` : 'apiError.code_other';
  return message ? `${t(kind)} (${message})` : t(kind);
});
