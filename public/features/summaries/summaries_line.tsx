/**
 * On the campaigns page: how many days of the range came from the plugin's summaries (they outlive the
 * deletion of raw indices) and how many were computed from raw events, and a "Build summaries" button that
 * asks the server to summarise the closed days not yet summarised (never today's index).
 */
import React, { useEffect, useRef, useState } from 'react';
import { EuiButtonEmpty, EuiFlexGroup, EuiFlexItem, EuiText } from '@elastic/eui';
import type { SummariesApi, SummaryBuildResult } from '../../api/summaries';
import { errorMessage, isAbort } from '../../utils/errors';

const DAY_MS = 86_400_000;

/** UTC days (whole or partial) the range touches, none after now. */
export function daysInRange(from: string, to: string, now = Date.now()): number {
  const start = Date.parse(from);
  const end = Math.min(Date.parse(to), now);
  if (!(end > start)) return 0;
  return Math.floor((end - 1) / DAY_MS) - Math.floor(start / DAY_MS) + 1;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function SummariesLine(props: {
  api: SummariesApi;
  prefix: string;
  from: string;
  to: string;
  summaryDays: readonly string[];
  /** After a build: reload the report so it reads the new summaries. */
  onBuilt: () => void;
}): React.ReactElement {
  const [building, setBuilding] = useState(false);
  const [outcome, setOutcome] = useState<{ result?: SummaryBuildResult; error?: string }>();
  const abort = useRef<AbortController>();
  useEffect(() => () => abort.current?.abort(), []);

  const fromSummaries = props.summaryDays.length;
  const fromRaw = Math.max(0, daysInRange(props.from, props.to) - fromSummaries);

  const build = async () => {
    abort.current = new AbortController();
    setBuilding(true);
    setOutcome(undefined);
    try {
      const result = await props.api.build(props.prefix, abort.current.signal);
      setOutcome({ result });
      props.onBuilt();
    } catch (e) {
      if (!isAbort(e)) setOutcome({ error: errorMessage(e) });
    } finally {
      setBuilding(false);
    }
  };

  return (
    <EuiFlexGroup alignItems="center" gutterSize="s" responsive={false}>
      <EuiFlexItem grow={false}>
        <EuiText size="xs" color="subdued" data-test-subj="pinpointSummariesLine">
          <p>
            {days(fromSummaries)} from summaries (kept after raw indices are deleted),{' '}
            {days(fromRaw)} computed from raw events.
          </p>
        </EuiText>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButtonEmpty
          size="xs"
          iconType="refresh"
          isLoading={building}
          onClick={build}
          data-test-subj="pinpointBuildSummaries"
        >
          Build summaries
        </EuiButtonEmpty>
      </EuiFlexItem>
      {outcome && (
        <EuiFlexItem grow={false}>
          <EuiText
            size="xs"
            color={outcome.error ? 'danger' : 'subdued'}
            data-test-subj="pinpointSummariesOutcome"
            role="status"
          >
            <p>
              {outcome.error
                ? `Could not build the summaries: ${outcome.error}`
                : outcome.result && outcome.result.built.length > 0
                  ? `${days(outcome.result.built.length)} summarised (${outcome.result.events.toLocaleString('en-US')} events).`
                  : 'The summaries were already up to date.'}
            </p>
          </EuiText>
        </EuiFlexItem>
      )}
    </EuiFlexGroup>
  );
}
