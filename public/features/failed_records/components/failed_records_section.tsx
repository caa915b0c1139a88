/**
 * The setup page's Failed records section: what Firehose could not deliver, as it left it in the S3 backup,
 * grouped by error with counts, dates, indices, the fix and a sample; and, once the cause is fixed, a replay
 * into the indices Firehose meant (idempotent: a second replay writes nothing twice). The region and stream
 * default to the Pipeline section's saved inputs.
 */
import React, { useEffect, useMemo, useState } from 'react';
import {
  EuiBadge,
  EuiButton,
  EuiCallOut,
  EuiCodeBlock,
  EuiConfirmModal,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type {
  FailedRecordGroup,
  FailedRecordsListing,
  ReplaySummary,
} from '../../../../common/failed_records';
import { createFailedRecordsApi, type FailedRecordsApi } from '../../../api/failed_records';
import { createWiringApi } from '../../../api/wiring';
import type { HttpSetup } from '../../../osd_port';
import { useFailedRecords } from '../hooks/use_failed_records';

export interface FailedRecordsSectionProps {
  http: HttpSetup;
  /** For tests and hosts that build the API themselves. */
  api?: FailedRecordsApi;
}

interface Source {
  region: string;
  /** A Pinpoint project from the Pipeline section's inputs: its delivery stream is read. */
  appId: string;
  stream: string;
  bucket: string;
  prefix: string;
}

function requestOf(s: Source) {
  return {
    region: s.region.trim(),
    stream: s.stream.trim() || undefined,
    appId: s.stream.trim() || s.bucket.trim() ? undefined : s.appId.trim() || undefined,
    bucket: s.bucket.trim() || undefined,
    prefix: s.prefix === '' ? undefined : s.prefix,
  };
}

const KIND_COLOR = { mapping: 'warning', access: 'danger', capacity: 'danger', other: 'default' };

function GroupPanel({ group, n }: { group: FailedRecordGroup; n: number }): React.ReactElement {
  return (
    <EuiPanel paddingSize="s" hasBorder data-test-subj="pinpointFailedGroup">
      <EuiText size="s">
        <strong>
          {n}. {group.count.toLocaleString()}× {group.errorCode}
        </strong>{' '}
        <EuiBadge color={KIND_COLOR[group.kind]}>{group.kind}</EuiBadge>
        <p style={{ overflowWrap: 'anywhere' }}>{group.errorMessage}</p>
        <p>
          Arrived {group.firstArrival ?? '?'} to {group.lastArrival ?? '?'}, meant for{' '}
          {group.indices.join(', ')}.
        </p>
        <p>
          <em>Fix:</em> {group.fix}
        </p>
      </EuiText>
      <EuiCodeBlock language="json" fontSize="s" paddingSize="s" overflowHeight={160}>
        {JSON.stringify(group.sampleDocument, null, 2)}
      </EuiCodeBlock>
    </EuiPanel>
  );
}

function ListingView({ listing }: { listing: FailedRecordsListing }): React.ReactElement {
  if (listing.records === 0 && listing.corrupt.length === 0)
    return (
      <EuiCallOut
        size="s"
        color="success"
        title="No failed records"
        data-test-subj="pinpointFailedNone"
      >
        <p>
          Nothing in s3://{listing.bucket}/{listing.prefixes.join(', ')} ({listing.files} files).
        </p>
      </EuiCallOut>
    );
  return (
    <div data-test-subj="pinpointFailedListing" data-records={listing.records}>
      <EuiCallOut
        size="s"
        color="warning"
        title={`${listing.records.toLocaleString()} failed records in ${listing.files} files`}
      >
        <p>
          s3://{listing.bucket}/{listing.prefixes.join(', ')}
          {listing.firstArrival ? `, from ${listing.firstArrival} to ${listing.lastArrival}` : ''}.
        </p>
        {listing.corrupt.map((c) => (
          <p key={c.key}>
            Unreadable: {c.key}: {c.reason}
          </p>
        ))}
      </EuiCallOut>
      <EuiSpacer size="s" />
      {listing.groups.map((g, i) => (
        <React.Fragment key={`${g.errorCode}-${i}`}>
          <GroupPanel group={g} n={i + 1} />
          <EuiSpacer size="s" />
        </React.Fragment>
      ))}
    </div>
  );
}

function SummaryView({ summary }: { summary: ReplaySummary }): React.ReactElement {
  return (
    <EuiCallOut
      size="s"
      color={summary.failedAgain ? 'warning' : 'success'}
      title={`Replay: ${summary.written} written, ${summary.alreadyPresent} already present, ${summary.failedAgain} failed again, ${summary.skipped} skipped`}
      data-test-subj="pinpointReplaySummary"
    >
      {summary.failures.map((f) => (
        <p key={`${f.type}-${f.index}`}>
          {f.count}× in {f.index}: {f.type}: {f.reason}
        </p>
      ))}
      {summary.skippedReasons.map((r) => (
        <p key={r.reason}>
          Skipped {r.count}×: {r.reason}
        </p>
      ))}
    </EuiCallOut>
  );
}

function SourceForm({
  source,
  onChange,
}: {
  source: Source;
  onChange(s: Source): void;
}): React.ReactElement {
  const field = (key: keyof Source, label: string, help?: string) => (
    <EuiFlexItem style={{ minWidth: 180 }}>
      <EuiFormRow label={label} helpText={help}>
        <EuiFieldText
          value={source[key]}
          onChange={(e) => onChange({ ...source, [key]: e.target.value })}
          data-test-subj={`pinpointFailed-${key}`}
        />
      </EuiFormRow>
    </EuiFlexItem>
  );
  return (
    <EuiFlexGroup gutterSize="s" wrap>
      {field('region', 'Region')}
      {field('appId', 'Pinpoint project id', "its event stream's Firehose")}
      {field('stream', 'or delivery stream', 'its S3 backup is read')}
      {field('bucket', 'or bucket')}
      {field('prefix', 'and prefix')}
    </EuiFlexGroup>
  );
}

export function FailedRecordsSection({ http, api }: FailedRecordsSectionProps): React.ReactElement {
  const records = useMemo(() => api ?? createFailedRecordsApi(http), [api, http]);
  const wiring = useMemo(() => createWiringApi(http), [http]);
  const [source, setSource] = useState<Source>({
    region: '',
    appId: '',
    stream: '',
    bucket: '',
    prefix: '',
  });
  const [confirming, setConfirming] = useState(false);
  const { view, load, replay } = useFailedRecords(records);

  useEffect(() => {
    const own = new AbortController();
    wiring.loadSettings(own.signal).then(
      (s) => {
        if (!s || own.signal.aborted) return;
        const next = {
          region: s.region,
          appId: s.appIds[0] ?? '',
          stream: s.firehoseStream ?? '',
          bucket: '',
          prefix: '',
        };
        setSource(next);
        if (next.region && (next.stream || next.appId)) load(requestOf(next));
      },
      () => undefined
    );
    return () => own.abort();
  }, [wiring, load]);

  const listing = 'listing' in view ? view.listing : undefined;
  const busy = view.phase === 'loading' || view.phase === 'replaying';
  return (
    <section data-test-subj="pinpointFailedRecordsSection">
      <EuiTitle size="s">
        <h2>Failed records</h2>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>
          Documents OpenSearch refused, as Firehose backed them up to S3. Fix the cause, then replay
          them into the indices Firehose meant; a replay never writes a document twice.
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <SourceForm source={source} onChange={setSource} />
      <EuiSpacer size="s" />
      <EuiFlexGroup gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButton
            onClick={() => load(requestOf(source))}
            isLoading={view.phase === 'loading'}
            isDisabled={busy}
            data-test-subj="pinpointFailedLoad"
          >
            Read failed records
          </EuiButton>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton
            fill
            color="primary"
            onClick={() => setConfirming(true)}
            isLoading={view.phase === 'replaying'}
            isDisabled={busy || !listing || listing.records === 0}
            data-test-subj="pinpointFailedReplay"
          >
            Replay {listing?.records ? listing.records.toLocaleString() : ''} records
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {view.phase === 'loading' ? <EuiLoadingSpinner size="m" /> : null}
      {view.phase === 'error' ? (
        <EuiCallOut
          size="s"
          color="danger"
          title="Could not read the failed records"
          data-test-subj="pinpointFailedError"
        >
          <p>{view.message}</p>
        </EuiCallOut>
      ) : null}
      {view.phase === 'replayed' ? <SummaryView summary={view.summary} /> : null}
      {listing && view.phase !== 'replaying' ? <ListingView listing={listing} /> : null}
      {confirming && listing ? (
        <EuiConfirmModal
          title={`Replay ${listing.records.toLocaleString()} records?`}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            replay(requestOf(source));
          }}
          cancelButtonText="Cancel"
          confirmButtonText="Replay"
        >
          <p>
            Into {[...new Set(listing.groups.flatMap((g) => g.indices))].join(', ')}, as you.
            Records already there are left alone; records for indices outside the archive are
            skipped.
          </p>
        </EuiConfirmModal>
      ) : null}
    </section>
  );
}
