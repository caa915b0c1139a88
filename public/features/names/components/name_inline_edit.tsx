/**
 * One campaign's or journey's name, edited in place: the name (or the id when it has none) with a pencil;
 * Enter or Save writes it to the cluster's lookup index, Escape or Cancel leaves it. The server's refusal (a
 * 400 says what to fix) shows under the field; the name typed here is never replaced by a Pinpoint refresh.
 */
import React, { useEffect, useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiButtonIcon,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
} from '@elastic/eui';
import type { NameEntry, NamesApi } from '../../../api/names';
import { useFetch } from '../../../hooks/use_fetch';

export const MAX_NAME_LENGTH = 256;

/** The server's rules, checked as the user types (the server checks again). */
export function nameProblem(value: string): string | undefined {
  const name = value.trim();
  if (name === '') return 'Type a name.';
  if (name.length > MAX_NAME_LENGTH) return `At most ${MAX_NAME_LENGTH} characters.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'One line, without tabs.';
  return undefined;
}

/** What the component needs: NamesApi's setName; an API that answers nothing (void) works too. */
export interface NameSetter {
  setName(
    id: string,
    name: string,
    signal?: AbortSignal
  ): ReturnType<NamesApi['setName']> | Promise<void>;
}

export interface NameInlineEditProps {
  id: string;
  name: string | null;
  api: NameSetter;
  /** False where the page already shows the name (a title): only the rename button then. */
  showName?: boolean;
  /** Called with what the server stored. */
  onSaved?: (entry: NameEntry) => void;
  /** What is named, for labels: "campaign" or "journey". */
  kind?: 'campaign' | 'journey';
}

export function NameInlineEdit(props: NameInlineEditProps): React.ReactElement {
  const { id, api, onSaved, kind = 'campaign', showName = true } = props;
  const [shown, setShown] = useState(props.name);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(props.name ?? '');
  const saveCall = useFetch(
    async (signal, typed: string): Promise<NameEntry> =>
      (await api.setName(id, typed, signal)) ?? {
        id,
        name: typed,
        source: 'user' as const,
        updatedAt: new Date().toISOString(),
      },
    {
      onDone: (entry) => {
        setShown(entry.name);
        setEditing(false);
        onSaved?.(entry);
      },
    }
  );
  const saving = saveCall.state.phase === 'loading';
  const error = saveCall.state.phase === 'error' ? saveCall.state.error.message : undefined;
  useEffect(() => setShown(props.name), [props.name]);

  const problem = nameProblem(value);
  const start = () => {
    setValue(shown ?? '');
    saveCall.reset();
    setEditing(true);
  };
  const save = async () => {
    if (problem || saving) return;
    await saveCall.run(value.trim());
  };

  if (!editing) {
    return (
      <EuiFlexGroup gutterSize="xs" alignItems="center" responsive={false}>
        {showName && (
          <EuiFlexItem grow={false} data-test-subj="pinpointNameText">
            {shown ?? <em>{id}</em>}
          </EuiFlexItem>
        )}
        <EuiFlexItem grow={false}>
          <EuiButtonIcon
            iconType="pencil"
            aria-label={shown ? `Rename ${kind} ${shown}` : `Name ${kind} ${id}`}
            title={shown ? 'Rename' : `Name this ${kind}`}
            onClick={start}
            data-test-subj="pinpointNameEdit"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
    );
  }
  const shownError = error ?? (value !== '' ? problem : undefined);
  return (
    <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false}>
      <EuiFlexItem>
        <EuiFormRow
          label={`Name of ${kind} ${id}`}
          isInvalid={Boolean(shownError)}
          error={shownError}
          display="rowCompressed"
        >
          <EuiFieldText
            compressed
            autoFocus
            value={value}
            isInvalid={Boolean(shownError)}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValue(e.target.value)}
            onKeyDown={(e: React.KeyboardEvent<HTMLInputElement>) => {
              if (e.key === 'Enter') void save();
              if (e.key === 'Escape') setEditing(false);
            }}
            data-test-subj="pinpointNameField"
          />
        </EuiFormRow>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButton
          size="s"
          fill
          isLoading={saving}
          isDisabled={Boolean(problem)}
          onClick={() => void save()}
          data-test-subj="pinpointNameSave"
        >
          Save
        </EuiButton>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiButtonEmpty
          size="s"
          onClick={() => setEditing(false)}
          data-test-subj="pinpointNameCancel"
        >
          Cancel
        </EuiButtonEmpty>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
