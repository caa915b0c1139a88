import React, { useState } from 'react';
import {
  EuiAccordion,
  EuiButton,
  EuiComboBox,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
  EuiSpacer,
} from '@elastic/eui';
import { appIdError, type FormErrors, validateForm, type WiringFormState } from '../utils/form';

/** The optional inputs: each a text field that falls back to what the hops before it report. */
const OPTIONAL_FIELDS: ReadonlyArray<{
  key: 'firehoseStream' | 'domain' | 'roleArn';
  label: string;
  helpText: string;
  testSubj: string;
  minWidth: number;
}> = [
  {
    key: 'firehoseStream',
    label: 'Firehose stream',
    helpText: "Default: the event stream's destination. Needed once Pinpoint no longer answers.",
    testSubj: 'pinpointWiringStream',
    minWidth: 220,
  },
  {
    key: 'domain',
    label: 'OpenSearch domain',
    helpText: "Default: the stream's destination.",
    testSubj: 'pinpointWiringDomain',
    minWidth: 220,
  },
  {
    key: 'roleArn',
    label: 'Role to assume',
    helpText:
      'Optional: only a role your administrator allowed (pinpoint.wiring.assumableRoleArns) can be assumed.',
    testSubj: 'pinpointWiringRole',
    minWidth: 260,
  },
];

export interface WiringFormProps {
  initial: WiringFormState;
  running: boolean;
  onSubmit(form: WiringFormState): void;
}

/** Region and application ids (remembered), and the optional stream, domain and role. */
export function WiringForm({ initial, running, onSubmit }: WiringFormProps): React.ReactElement {
  const [form, setForm] = useState<WiringFormState>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [typedIdError, setTypedIdError] = useState<string | undefined>();
  const errors: FormErrors = validateForm(form);
  const shown: FormErrors = submitted ? errors : {};
  const set = (patch: Partial<WiringFormState>) => setForm((f) => ({ ...f, ...patch }));

  const addIds = (text: string) => {
    const ids = text.split(/[\s,]+/).filter(Boolean);
    const bad = ids.map(appIdError).find(Boolean);
    setTypedIdError(bad);
    if (bad) return;
    set({ appIds: [...new Set([...form.appIds, ...ids])] });
  };

  const submit = (event?: React.FormEvent) => {
    event?.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length === 0) onSubmit(form);
  };

  const idError = typedIdError ?? shown.appIds;
  return (
    <EuiForm component="form" onSubmit={submit} data-test-subj="pinpointWiringForm">
      <EuiFlexGroup gutterSize="m" wrap>
        <EuiFlexItem grow={false} style={{ minWidth: 180 }}>
          <EuiFormRow
            label="AWS region"
            isInvalid={!!shown.region}
            error={shown.region}
            helpText="e.g. us-east-1"
          >
            <EuiFieldText
              value={form.region}
              isInvalid={!!shown.region}
              onChange={(e) => set({ region: e.target.value })}
              data-test-subj="pinpointWiringRegion"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem style={{ minWidth: 320 }}>
          <EuiFormRow
            label="Pinpoint application ids"
            isInvalid={!!idError}
            error={idError}
            helpText="The Project ID of each project (32 hex characters); press Enter after each."
          >
            <EuiComboBox
              noSuggestions
              isInvalid={!!idError}
              selectedOptions={form.appIds.map((id) => ({ label: id }))}
              onCreateOption={addIds}
              onChange={(options) => set({ appIds: options.map((o) => o.label) })}
              onSearchChange={() => setTypedIdError(undefined)}
              data-test-subj="pinpointWiringAppIds"
            />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiAccordion id="pinpointWiringOptional" buttonContent="Stream, domain and role (optional)">
        <EuiSpacer size="s" />
        <EuiFlexGroup gutterSize="m" wrap>
          {OPTIONAL_FIELDS.map(({ key, label, helpText, testSubj, minWidth }) => (
            <EuiFlexItem key={key} style={{ minWidth }}>
              <EuiFormRow
                label={label}
                isInvalid={!!shown[key]}
                error={shown[key]}
                helpText={helpText}
              >
                <EuiFieldText
                  value={form[key]}
                  onChange={(e) => set({ [key]: e.target.value })}
                  data-test-subj={testSubj}
                />
              </EuiFormRow>
            </EuiFlexItem>
          ))}
        </EuiFlexGroup>
      </EuiAccordion>
      <EuiSpacer size="m" />
      <EuiButton
        type="submit"
        fill
        isLoading={running}
        iconType="inspect"
        data-test-subj="pinpointWiringRun"
      >
        {running ? 'Checking…' : 'Check the wiring'}
      </EuiButton>
    </EuiForm>
  );
}
