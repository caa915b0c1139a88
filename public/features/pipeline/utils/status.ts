import type { CheckStatus } from '../../../../common/wiring_types';

/** EuiHealth colours and words for a status: colour is never the only signal. */
export const STATUS_COLOR: Record<CheckStatus, string> = {
  pass: 'success',
  warn: 'warning',
  fail: 'danger',
  unknown: 'subdued',
  skipped: 'subdued',
};

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  unknown: 'Unknown',
  skipped: 'Skipped',
};

export const STATUS_ICON: Record<CheckStatus, string> = {
  pass: 'checkInCircleFilled',
  warn: 'alert',
  fail: 'crossInACircleFilled',
  unknown: 'questionInCircle',
  skipped: 'minusInCircle',
};
