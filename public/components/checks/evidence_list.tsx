/**
 * A check's evidence as labelled values: `Bad count  3`, lists cut with a count of the rest, small objects
 * inline. The raw JSON is one click away, for a support ticket.
 */
import React, { useState } from 'react';
import { EuiButtonEmpty, EuiCodeBlock, EuiDescriptionList, EuiSpacer } from '@elastic/eui';

const MAX_ITEMS = 10;

/** `badCount` -> `Bad count`, `index_patterns` -> `Index patterns`. */
export function labelOf(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function inline(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map(inline).join(', ');
  return Object.entries(value)
    .map(([k, v]) => `${labelOf(k).toLowerCase()}: ${inline(v)}`)
    .join(' · ');
}

function Value({ value }: { value: unknown }): React.ReactElement {
  if (!Array.isArray(value)) return <span>{inline(value)}</span>;
  if (value.length === 0) return <span>none</span>;
  const shown = value.slice(0, MAX_ITEMS);
  const rest = value.length - shown.length;
  if (shown.every((v) => typeof v !== 'object' || v === null)) {
    return <span>{`${shown.map(inline).join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`}</span>;
  }
  return (
    <ul style={{ margin: 0, paddingLeft: 16, listStyle: 'disc' }}>
      {shown.map((v, i) => (
        <li key={i}>{inline(v)}</li>
      ))}
      {rest > 0 && <li>and {rest} more</li>}
    </ul>
  );
}

export function EvidenceList({
  evidence,
  id,
}: {
  evidence: object;
  /** Unique on the page: names the JSON toggle for screen readers. */
  id: string;
}): React.ReactElement {
  const [json, setJson] = useState(false);
  const items = Object.entries(evidence).map(([key, value]) => ({
    title: labelOf(key),
    description: <Value value={value} />,
  }));
  return (
    <div data-test-subj="pinpointEvidence">
      {items.length > 0 && <EuiDescriptionList compressed type="column" listItems={items} />}
      <EuiSpacer size="xs" />
      <EuiButtonEmpty
        size="xs"
        flush="left"
        onClick={() => setJson((v) => !v)}
        aria-expanded={json}
        aria-controls={`${id}-json`}
        data-test-subj="pinpointEvidenceJsonToggle"
      >
        {json ? 'Hide JSON' : 'Show JSON'}
      </EuiButtonEmpty>
      {json && (
        <div id={`${id}-json`}>
          <EuiCodeBlock
            language="json"
            fontSize="s"
            paddingSize="s"
            overflowHeight={240}
            isCopyable
          >
            {JSON.stringify(evidence, null, 2)}
          </EuiCodeBlock>
        </div>
      )}
    </div>
  );
}
