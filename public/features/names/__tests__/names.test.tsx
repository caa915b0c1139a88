/** @jest-environment jsdom */
/**
 * The names components against a fake API: an inline edit saves on Enter and shows what the server stored,
 * refuses an empty name before any request, shows the server's 400; the import sends the file's text and
 * shows the counts, or the refusal naming the line.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import React from 'react';
import { cleanup, configure, fireEvent, render, waitFor } from '@testing-library/react';
import type { NameEntry, NamesApi, NamesImportResult } from '../../../api/names';
import { NameInlineEdit, NamesButton, NamesImport, NamesRefresh, nameProblem } from '../index';

configure({ testIdAttribute: 'data-test-subj' });
afterEach(cleanup);

const ID = '0123456789abcdef0123456789abcdef';

function badRequest(message: string): Error {
  return Object.assign(new Error('Bad Request'), { body: { statusCode: 400, message } });
}

describe('NameInlineEdit', () => {
  it('saves on Enter and shows the stored name; an empty name sends nothing', async () => {
    const calls: Array<[string, string]> = [];
    const api: Pick<NamesApi, 'setName'> = {
      async setName(id, name) {
        calls.push([id, name]);
        return { id, name, source: 'user', updatedAt: '2026-12-01T00:00:00Z' } as NameEntry;
      },
    };
    const saved: string[] = [];
    const r = render(
      <NameInlineEdit id={ID} name={null} api={api} onSaved={(e) => saved.push(e.name)} />
    );
    expect(r.getByTestId('pinpointNameText').textContent).toBe(ID);
    fireEvent.click(r.getByLabelText(`Name campaign ${ID}`));
    const field = r.getByTestId('pinpointNameField');
    fireEvent.change(field, { target: { value: '   ' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(calls).toEqual([]);
    fireEvent.change(field, { target: { value: ' Winter promo ' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(r.getByTestId('pinpointNameText').textContent).toBe('Winter promo'));
    expect(calls).toEqual([[ID, 'Winter promo']]);
    expect(saved).toEqual(['Winter promo']);
  });

  it("shows the server's refusal under the field and stays in edit mode", async () => {
    const api: Pick<NamesApi, 'setName'> = {
      setName: async () => {
        throw badRequest('the current user is not allowed to do this');
      },
    };
    const r = render(<NameInlineEdit id={ID} name="Old" api={api} />);
    fireEvent.click(r.getByLabelText('Rename campaign Old'));
    fireEvent.change(r.getByTestId('pinpointNameField'), { target: { value: 'New' } });
    fireEvent.click(r.getByTestId('pinpointNameSave'));
    await waitFor(() => r.getByText('the current user is not allowed to do this'));
    fireEvent.keyDown(r.getByTestId('pinpointNameField'), { key: 'Escape' });
    expect(r.getByTestId('pinpointNameText').textContent).toBe('Old');
  });

  it('checks like the server', () => {
    expect(nameProblem('x'.repeat(257))).toMatch(/256/);
    expect(nameProblem('a\tb')).toMatch(/One line/);
    expect(nameProblem(' ok ')).toBeUndefined();
  });
});

describe('NamesImport', () => {
  const csv = `id,name\n${ID},Winter\n`;
  const pick = (r: ReturnType<typeof render>, text: string) => {
    const input = r.getByTestId('pinpointNamesFile') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File([text], 'names.csv', { type: 'text/csv' })] },
    });
  };

  it("sends the file's text and shows the counts", async () => {
    const sent: string[] = [];
    const api: Pick<NamesApi, 'importCsv'> = {
      async importCsv(text): Promise<NamesImportResult> {
        sent.push(text);
        return { rows: 1, written: 1, unchanged: 0, kept: 0 };
      },
    };
    const r = render(<NamesImport api={api} />);
    pick(r, csv);
    fireEvent.click(r.getByTestId('pinpointNamesImportButton'));
    await waitFor(() =>
      expect(r.getByTestId('pinpointNamesImportResult').textContent).toMatch(
        /1 rows: 1 names written/
      )
    );
    expect(sent).toEqual([csv]);
  });

  it('shows a refusal naming the line', async () => {
    const api: Pick<NamesApi, 'importCsv'> = {
      importCsv: async () => {
        throw badRequest(
          'CSV line 3: "x" is not a campaign or journey id (32 hexadecimal characters)'
        );
      },
    };
    const r = render(<NamesImport api={api} />);
    pick(r, csv);
    fireEvent.click(r.getByTestId('pinpointNamesImportButton'));
    await waitFor(() =>
      expect(r.getByTestId('pinpointNamesImportError').textContent).toMatch(/^CSV line 3/)
    );
  });
});

describe('NamesRefresh', () => {
  it('sends the region and the pasted ids, and says when Pinpoint no longer answers', async () => {
    const sent: Array<[string, string[]]> = [];
    const api: Pick<NamesApi, 'refresh'> = {
      async refresh(region, appIds) {
        sent.push([region, appIds]);
        return {
          written: 0,
          unchanged: 0,
          kept: 0,
          pinpointAnswered: false,
          message: "Pinpoint's API did not answer for any application: nothing changed.",
          applications: appIds.map((applicationId) => ({
            applicationId,
            campaigns: 0,
            journeys: 0,
            failure: 'end_of_support',
            error: 'no longer answers',
          })),
        };
      },
    };
    const r = render(<NamesRefresh api={api} />);
    expect(r.getByTestId('pinpointNamesRefreshButton').hasAttribute('disabled')).toBe(true);
    fireEvent.change(r.getByTestId('pinpointNamesRegion'), { target: { value: 'us-east-1' } });
    fireEvent.change(r.getByTestId('pinpointNamesAppIds'), {
      target: { value: `${ID}, ${ID.replace('0', 'f')}` },
    });
    fireEvent.click(r.getByTestId('pinpointNamesRefreshButton'));
    await waitFor(() => r.getByTestId('pinpointNamesRefreshResult'));
    expect(sent).toEqual([['us-east-1', [ID, ID.replace('0', 'f')]]]);
    expect(r.getByTestId('pinpointNamesRefreshResult').textContent).toMatch(
      /did not answer.*no longer answers/
    );
  });
});

describe('NamesButton', () => {
  it('opens a flyout with the import and the refresh, and closes', async () => {
    const api = {
      importCsv: async () => ({ rows: 0, written: 0, unchanged: 0, kept: 0 }),
      refresh: async () => {
        throw new Error('not called');
      },
    };
    const r = render(<NamesButton api={api} />);
    expect(r.queryByTestId('pinpointNamesFlyout')).toBeNull();
    fireEvent.click(r.getByTestId('pinpointNamesButton'));
    r.getByTestId('pinpointNamesImport');
    r.getByTestId('pinpointNamesRefresh');
    fireEvent.click(r.getByLabelText('Close this dialog'));
    await waitFor(() => expect(r.queryByTestId('pinpointNamesFlyout')).toBeNull());
  });
});
