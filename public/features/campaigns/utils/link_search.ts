import { DEFAULT_INDEX_PREFIX } from '../../../../common/constants';

/** The query string that carries the range (and a non-default prefix) from page to page. */
export function linkSearch(state: { from: string; to: string; prefix?: string }): string {
  const params = new URLSearchParams();
  if (state.prefix && state.prefix !== DEFAULT_INDEX_PREFIX) params.set('prefix', state.prefix);
  params.set('from', state.from);
  params.set('to', state.to);
  return `?${params.toString()}`;
}
