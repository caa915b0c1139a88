/** Counted nouns in messages: `plural(1, 'index', 'indices')` is `1 index`, `plural(3, 'field')` `3 fields`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** The noun alone, for sentences where the number is elsewhere. */
export function noun(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
