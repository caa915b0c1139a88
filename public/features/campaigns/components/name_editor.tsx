import React, { useState } from 'react';
import { EuiButtonEmpty, EuiFieldText, EuiFlexGroup, EuiFlexItem, EuiButton } from '@elastic/eui';

/** Names live in the cluster's lookup index: edit one here (the Pinpoint API may no longer answer). */
export function NameEditor(props: {
  id: string;
  name: string | null;
  onSave: (name: string) => Promise<void>;
}): React.ReactElement {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(props.name ?? '');
  const [saving, setSaving] = useState(false);
  if (!editing) {
    return (
      <EuiButtonEmpty
        size="xs"
        iconType="pencil"
        onClick={() => setEditing(true)}
        data-test-subj="pinpointEditName"
      >
        {props.name ? 'Rename' : 'Name this campaign'}
      </EuiButtonEmpty>
    );
  }
  return (
    <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
      <EuiFlexItem>
        <EuiFieldText
          compressed
          aria-label={`Name of ${props.id}`}
          value={value}
          maxLength={256}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue(e.target.value)}
          data-test-subj="pinpointNameInput"
        />
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButton
          size="s"
          isLoading={saving}
          isDisabled={value.trim() === ''}
          onClick={async () => {
            setSaving(true);
            try {
              await props.onSave(value.trim());
              setEditing(false);
            } finally {
              setSaving(false);
            }
          }}
          data-test-subj="pinpointSaveName"
        >
          Save
        </EuiButton>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButtonEmpty size="s" onClick={() => setEditing(false)}>
          Cancel
        </EuiButtonEmpty>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
