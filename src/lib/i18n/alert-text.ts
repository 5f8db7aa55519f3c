import { derived } from 'svelte/store';
import { _ } from 'svelte-i18n';
import type { AlertDto } from '$lib/protocol/alerts';

/**
 * An alert's sentence in the reader's language, from its rule and the values the server stored
 * with it (`metadata.text`); the server's English message when it has none.
 */
export const alertText = derived(_, (t) => (a: Pick<AlertDto, 'rule' | 'message' | 'metadata'>): string => {
  const values = a.metadata?.text as Record<string, string | number> | undefined;
  if (!values) return a.message;
  try {
    return t(`alerts.text.${a.rule}`, { values: { ...values, who: values.who || t('alerts.someone') } });
  } catch {
    return a.message;
  }
});
