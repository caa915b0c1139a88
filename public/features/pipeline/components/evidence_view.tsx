import React from 'react';
import { EuiCodeBlock, EuiDescriptionList, EuiText } from '@elastic/eui';
import type { Json } from '../../../../common/validation';

function scalar(value: Json): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

interface Group {
  errorCode?: string;
  errorMessage?: string;
  count?: number;
  index?: string | null;
  sampleDocument?: Json;
  fix?: string;
}

/** Failed-document groups: count, error, and the sample event each carries. */
function FailedGroups({ groups }: { groups: Group[] }): React.ReactElement {
  return (
    <div data-test-subj="pinpointWiringFailedGroups">
      {groups.map((g, i) => (
        <div key={i}>
          <EuiText size="xs">
            <p>
              <strong>
                {g.count}× {g.errorCode}
              </strong>{' '}
              {g.errorMessage}
              {g.index ? ` (index ${g.index})` : ''}
            </p>
            {g.fix ? <p>{g.fix}</p> : null}
          </EuiText>
          <EuiCodeBlock
            language="json"
            fontSize="s"
            paddingSize="s"
            overflowHeight={160}
            isCopyable
          >
            {JSON.stringify(g.sampleDocument, null, 2)}
          </EuiCodeBlock>
        </div>
      ))}
    </div>
  );
}

/** The values read from AWS and the cluster: plain values as a list, structures as JSON. */
export function EvidenceView({
  evidence,
}: {
  evidence: Record<string, Json>;
}): React.ReactElement | null {
  const entries = Object.entries(evidence);
  if (entries.length === 0) return null;
  const plain = entries.filter(([key, v]) => scalar(v) && key !== 'groups');
  const nested = entries.filter(([key, v]) => !scalar(v) && key !== 'groups');
  const groups = evidence.groups;
  return (
    <div data-test-subj="pinpointWiringEvidence">
      {plain.length > 0 ? (
        <EuiDescriptionList
          compressed
          type="row"
          listItems={plain.map(([key, value]) => ({ title: key, description: String(value) }))}
        />
      ) : null}
      {nested.map(([key, value]) => (
        <EuiCodeBlock key={key} language="json" fontSize="s" paddingSize="s" overflowHeight={200}>
          {`${key}: ${JSON.stringify(value, null, 2)}`}
        </EuiCodeBlock>
      ))}
      {Array.isArray(groups) && groups.length > 0 ? (
        <FailedGroups groups={groups as Group[]} />
      ) : null}
    </div>
  );
}
