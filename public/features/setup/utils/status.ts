import type { FindingStatus } from '../../../../common/report';

/** EuiHealth / EuiCallOut colours and words for a finding's status. */
export const STATUS_COLOR: Record<FindingStatus, 'success' | 'warning' | 'danger'> = {
  ok: 'success',
  warn: 'warning',
  fail: 'danger',
};

export const STATUS_LABEL: Record<FindingStatus, string> = {
  ok: 'OK',
  warn: 'Warning',
  fail: 'Failing',
};
