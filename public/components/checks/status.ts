import type { CheckStatus } from '../../../common/check';

/** EuiHealth / EuiCallOut colours and words for a check's status (common/check.ts's one scale). */
export const STATUS_COLOR: Record<
  CheckStatus,
  'success' | 'warning' | 'danger' | 'subdued' | 'primary'
> = {
  pass: 'success',
  warn: 'warning',
  fail: 'danger',
  unknown: 'primary',
  skipped: 'subdued',
};

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Passed',
  warn: 'Warning',
  fail: 'Failing',
  unknown: 'Unknown',
  skipped: 'Skipped',
};

/** EuiCallOut takes no `subdued`: the nearest neutral colour. */
export function calloutColor(status: CheckStatus): 'success' | 'warning' | 'danger' | 'primary' {
  const c = STATUS_COLOR[status];
  return c === 'subdued' ? 'primary' : c;
}
