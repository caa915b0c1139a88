/**
 * Import names from a CSV file: a header `id,name` (other columns ignored, so the campaigns list's CSV export
 * imports back), quoted fields, any line ends. The server checks every row first: a bad row is refused with
 * its line and nothing is written; importing the same file again writes nothing.
 */
import React, { useState } from 'react';
import { EuiButton, EuiCallOut, EuiFilePicker, EuiFormRow, EuiSpacer, EuiText } from '@elastic/eui';
import type { NamesApi, NamesImportResult } from '../../../api/names';
import { useFetch } from '../../../hooks/use_fetch';

/** The server's limit (server/services/names/names_csv.ts): larger files are refused before upload. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** The file's text as UTF-8 (FileReader where Blob.text is missing: older browsers, jsdom). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsText(file, 'utf-8');
  });
}

export interface NamesImportProps {
  api: Pick<NamesApi, 'importCsv'>;
  onImported?: (result: NamesImportResult) => void;
}

export function NamesImport(props: NamesImportProps): React.ReactElement {
  const [file, setFile] = useState<File>();
  const importCall = useFetch(
    async (signal, chosen: File): Promise<NamesImportResult> =>
      props.api.importCsv(await readText(chosen), signal),
    { onDone: (imported) => props.onImported?.(imported) }
  );
  const { state } = importCall;
  const busy = state.phase === 'loading';
  const error = state.phase === 'error' ? state.error.message : undefined;
  const result = state.phase === 'done' ? state.data : undefined;

  const tooLarge = file !== undefined && file.size > MAX_CSV_BYTES;
  const submit = async () => {
    if (!file || tooLarge) return;
    await importCall.run(file);
  };

  return (
    <div data-test-subj="pinpointNamesImport">
      <EuiText size="s">
        <p>
          A CSV file with the header <code>id,name</code>, one campaign or journey per line. Names
          imported or typed here are never replaced by names read from Pinpoint.
        </p>
      </EuiText>
      <EuiSpacer size="s" />
      <EuiFormRow
        label="CSV file of names"
        isInvalid={tooLarge}
        error={tooLarge ? 'The file is larger than 5 MB: split it into several files.' : undefined}
      >
        <EuiFilePicker
          accept=".csv,text/csv,text/plain"
          initialPromptText="Select or drag a CSV file (id,name)"
          onChange={(files: FileList | null) => {
            setFile(files?.[0] ?? undefined);
            // A new file clears the last outcome; an import in flight still reports its own.
            if (!busy) importCall.reset();
          }}
          display="default"
          data-test-subj="pinpointNamesFile"
        />
      </EuiFormRow>
      <EuiButton
        size="s"
        isLoading={busy}
        isDisabled={!file || tooLarge}
        onClick={() => void submit()}
        data-test-subj="pinpointNamesImportButton"
      >
        Import names
      </EuiButton>
      {error && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut color="danger" iconType="alert" title="Nothing was imported" role="alert">
            <p data-test-subj="pinpointNamesImportError">{error}</p>
          </EuiCallOut>
        </>
      )}
      {result && (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut color="success" iconType="check" title="Names imported" role="status">
            <p data-test-subj="pinpointNamesImportResult">
              {result.rows} rows: {result.written} names written, {result.unchanged} already as in
              the file.
            </p>
          </EuiCallOut>
        </>
      )}
    </div>
  );
}
