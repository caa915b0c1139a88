import React from 'react';
import { EuiSuperDatePicker } from '@elastic/eui';

export interface TimeRange {
  from: string;
  to: string;
}

const QUICK = [
  { start: 'now-24h', end: 'now', label: 'Last 24 hours' },
  { start: 'now-7d', end: 'now', label: 'Last 7 days' },
  { start: 'now-30d', end: 'now', label: 'Last 30 days' },
  { start: 'now-90d', end: 'now', label: 'Last 90 days' },
  { start: 'now-1y', end: 'now', label: 'Last year' },
];

/** OUI's super date picker over the messages' send time; ISO or date math, as the API takes them. */
export function TimeRangeBar(props: {
  range: TimeRange;
  onChange: (range: TimeRange) => void;
  onRefresh: () => void;
  isLoading: boolean;
}): React.ReactElement {
  return (
    <div data-test-subj="pinpointTimeRange" aria-label="Messages sent in">
      <EuiSuperDatePicker
        start={props.range.from}
        end={props.range.to}
        isLoading={props.isLoading}
        commonlyUsedRanges={QUICK}
        onTimeChange={({ start, end }: { start: string; end: string }) =>
          props.onChange({ from: start, to: end })
        }
        onRefresh={() => props.onRefresh()}
      />
    </div>
  );
}
