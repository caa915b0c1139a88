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
          <EuiFlexItem style={{ minWidth: 220 }}>
            <EuiFormRow
              label="Firehose stream"
              isInvalid={!!shown.firehoseStream}
              error={shown.firehoseStream}
              helpText="Default: the event stream's destination. Needed once Pinpoint no longer answers."
            >
              <EuiFieldText
                value={form.firehoseStream}
                onChange={(e) => set({ firehoseStream: e.target.value })}
                data-test-subj="pinpointWiringStream"
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem style={{ minWidth: 220 }}>
            <EuiFormRow
              label="OpenSearch domain"
              isInvalid={!!shown.domain}
              error={shown.domain}
              helpText="Default: the stream's destination."
            >
              <EuiFieldText
                value={form.domain}
                onChange={(e) => set({ domain: e.target.value })}
                data-test-subj="pinpointWiringDomain"
              />
            </EuiFormRow>
          </EuiFlexItem>
          <EuiFlexItem style={{ minWidth: 260 }}>
            <EuiFormRow
              label="Role to assume"
              isInvalid={!!shown.roleArn}
              error={shown.roleArn}
              helpText="Optional: the server assumes it for the AWS calls."
            >
              <EuiFieldText
                value={form.roleArn}
                onChange={(e) => set({ roleArn: e.target.value })}
                data-test-subj="pinpointWiringRole"
              />
            </EuiFormRow>
          </EuiFlexItem>
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
