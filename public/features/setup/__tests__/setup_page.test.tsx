/** @jest-environment jsdom */
/**
 * The setup page against a fake index-engine API: the report becomes a checklist with each finding's status
 * and fix; the fix buttons call apply with exactly the options of that fix and reload the report; a changed
 * template is replaced only after its diff was shown; a bad prefix is refused before any request.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from '@jest/globals';
import React from 'react';
import { cleanup, configure, fireEvent, render, waitFor } from '@testing-library/react';
import { summarizeChecks } from '../../../../common/check';
import type { ApplyOptions, IndexCheck, ValidationReport } from '../../../../common/report';
import type { IndexEngineApi } from '../../../api/index_engine';
import { SetupPage } from '../index';

function report(checks: IndexCheck[]): ValidationReport {
  const summary = summarizeChecks(checks);
  return {
    prefix: 'pinpoint',
    pattern: 'pinpoint*',
    templateName: 'pinpoint-events',
    indexPatternId: 'pinpoint-events',
    nextIndex: 'pinpoint-2026-11-26',
    generatedAt: '2026-11-25T00:00:00Z',
    cluster: { clusterName: 'c', distribution: 'opensearch', version: '2.19.6' },
    flavor: 'composable',
    status: summary.status,
    summary,
    checks,
  };
}

const templateEvidence = {
  name: 'pinpoint-events',
  flavor: 'composable' as const,
  installedVersion: null,
  diffCount: 0,
};
const absent: IndexCheck = {
  id: 'template',
  title: 'Index template pinpoint-events',
  status: 'fail',
  message: 'No _index_template/pinpoint-events',
  evidence: { ...templateEvidence, state: 'absent', diff: [] },
  remedy: {
    text: 'Install the template.',
    fix: { kind: 'install_template' },
    command: 'pinpoint-dashboards setup --prefix pinpoint',
  },
};
const modified: IndexCheck = {
  ...absent,
  status: 'warn',
  message: 'changed after it was installed',
  evidence: {
    ...templateEvidence,
    diffCount: 1,
    state: 'modified',
    diff: [{ path: 'mappings.properties.event_type.type', ours: 'keyword', installed: 'text' }],
  },
  remedy: { text: 'Review the diff.', fix: { kind: 'update_template', overwrite: true } },
};
const timestamps: IndexCheck = {
  id: 'indices.timestamps',
  title: 'Timestamps',
  status: 'fail',
  message: '2 of 2 indices map the timestamps as numbers',
  evidence: { indexCount: 2, badCount: 2, bad: [], repairedCount: 0 },
  remedy: {
    text: 'Repair these indices.',
    fix: { kind: 'repair_indices', indices: ['pinpoint-2026-11-23', 'pinpoint-2026-11-24'] },
    command: 'pinpoint-dashboards repair pinpoint-2026-11-23 pinpoint-2026-11-24',
  },
};

function fakeApi(reports: ValidationReport[]) {
  const calls = { report: [] as string[], apply: [] as Array<Partial<ApplyOptions>> };
  let i = 0;
  const api: IndexEngineApi = {
    report: async (prefix) => (
      calls.report.push(prefix),
      reports[Math.min(i++, reports.length - 1)]
    ),
    apply: async (options) => (
      calls.apply.push(options),
      { prefix: options.prefix, changed: true, steps: [] }
    ),
  };
  return { api, calls };
}

// EUI components take data-test-subj, OSD's test id attribute.
configure({ testIdAttribute: 'data-test-subj' });
afterEach(cleanup);

describe('SetupPage', () => {
  it('shows each check with its status and fix, and installs the template from its button', async () => {
    const { api, calls } = fakeApi([
      report([absent, timestamps]),
      report([{ ...absent, status: 'pass', remedy: undefined, message: 'installed' }, timestamps]),
    ]);
    const repaired: string[] = [];
    const page = render(
      <SetupPage
        api={api}
        renderRepairs={(indices) => (
          repaired.push(...indices),
          (<span>repair {indices.join(' ')}</span>)
        )}
      />
    );
    await page.findByText('No _index_template/pinpoint-events');
    assert.equal(page.getByTestId('pinpointCheck-template').getAttribute('data-status'), 'fail');
    assert.ok(page.getByText('pinpoint-dashboards setup --prefix pinpoint'));
    assert.ok(page.getByText('repair pinpoint-2026-11-23 pinpoint-2026-11-24'));
    assert.ok(repaired.includes('pinpoint-2026-11-24'));

    fireEvent.click(page.getByTestId('pinpointFixTemplate'));
    await waitFor(() => assert.equal(calls.report.length, 2));
    assert.deepEqual(calls.apply, [{ template: true, overwrite: false, prefix: 'pinpoint' }]);
    await page.findByText('installed');
  });

  it('shows the diff before replacing a changed template, and only then overwrites', async () => {
    const { api, calls } = fakeApi([report([modified])]);
    const page = render(<SetupPage api={api} />);
    fireEvent.click(await page.findByTestId('pinpointFixTemplate'));
    const modal = await page.findByTestId('pinpointTemplateConfirm');
    assert.match(modal.textContent ?? '', /mappings\.properties\.event_type\.type/);
    assert.equal(calls.apply.length, 0);
    fireEvent.click(page.getByTestId('confirmModalConfirmButton'));
    await waitFor(() =>
      assert.deepEqual(calls.apply, [{ template: true, overwrite: true, prefix: 'pinpoint' }])
    );
  });

  it('a fix the user may not make says what is missing instead of offering a button', async () => {
    const denied: IndexCheck = {
      ...absent,
      remedy: {
        ...absent.remedy!,
        rights: {
          needs: ['cluster: indices:admin/index_template/put'],
          allowed: false,
          missing: ['indices:admin/index_template/put'],
          basis: 'The security plugin checked the requests of the fix without making them.',
        },
      },
    };
    const unknown: IndexCheck = {
      ...timestamps,
      remedy: {
        ...timestamps.remedy!,
        rights: {
          needs: ['cluster: indices:data/write/reindex'],
          allowed: null,
          missing: [],
          basis: 'The security plugin of this cluster cannot check permissions in advance.',
        },
      },
    };
    const { api, calls } = fakeApi([report([denied, unknown])]);
    const page = render(
      <SetupPage api={api} renderRepairs={(indices) => <span>repair {indices.join(' ')}</span>} />
    );
    const callout = await page.findByTestId('pinpointFixDenied');
    assert.match(callout.textContent ?? '', /Missing: indices:admin\/index_template\/put\./);
    assert.equal(page.queryByTestId('pinpointFixTemplate'), null);
    // Not known: the fix stays, with what it needs.
    assert.match(
      page.getByTestId('pinpointFixNeeds').textContent ?? '',
      /Needs cluster: indices:data\/write\/reindex\. The security plugin of this cluster cannot check/
    );
    assert.ok(page.getByText('repair pinpoint-2026-11-23 pinpoint-2026-11-24'));
    assert.equal(calls.apply.length, 0);
  });

  it('refuses a bad prefix with the reason and checks a good one', async () => {
    const { api, calls } = fakeApi([report([absent])]);
    const page = render(<SetupPage api={api} />);
    await page.findByText('No _index_template/pinpoint-events');
    fireEvent.change(page.getByTestId('pinpointPrefixInput'), { target: { value: 'Pin Point' } });
    fireEvent.click(page.getByTestId('pinpointPrefixCheck'));
    await page.findByText(/must be lowercase/);
    assert.deepEqual(calls.report, ['pinpoint']);
    fireEvent.change(page.getByTestId('pinpointPrefixInput'), { target: { value: 'events_eu' } });
    fireEvent.click(page.getByTestId('pinpointPrefixCheck'));
    await waitFor(() => assert.deepEqual(calls.report, ['pinpoint', 'events_eu']));
  });

  it('says at the top what to do next, worst first', async () => {
    const { api } = fakeApi([report([modified, timestamps])]);
    const page = render(<SetupPage api={api} />);
    const summary = await page.findByTestId('pinpointSetupSummary');
    assert.match(summary.textContent ?? '', /Needs fixing: 1 failure, 1 warning/);
    const steps = page.getByTestId('pinpointNextSteps').textContent ?? '';
    assert.ok(steps.indexOf('Timestamps') < steps.indexOf('Index template'), steps);
  });

  it('shows evidence as labelled values, with the JSON only on demand', async () => {
    const { api } = fakeApi([report([timestamps])]);
    const page = render(<SetupPage api={api} />);
    const check = await page.findByTestId('pinpointCheck-indices.timestamps');
    assert.match(check.textContent ?? '', /Bad count/);
    assert.doesNotMatch(check.textContent ?? '', /"badCount"/);
    fireEvent.click(page.getByTestId('pinpointEvidenceJsonToggle'));
    assert.match(check.textContent ?? '', /"badCount": 2/);
  });

  it("keeps a repair's outcome after the report reloads without the repaired index", async () => {
    const after: IndexCheck = {
      ...timestamps,
      status: 'pass',
      message: 'All 2 indices map the timestamps as dates.',
      remedy: undefined,
    };
    const { api } = fakeApi([report([timestamps]), report([after])]);
    const page = render(
      <SetupPage
        api={api}
        repairedWords={(j) => `${j.index} repaired`}
        renderRepairs={(indices, onDone) => (
          <button
            onClick={() =>
              onDone({
                index: indices[0],
                target: `${indices[0]}-repaired`,
                jobId: 'j',
                step: 'done',
                stepNumber: 8,
                stepCount: 8,
                active: false,
                createdAt: '',
                updatedAt: '',
              })
            }
          >
            fake repair
          </button>
        )}
      />
    );
    fireEvent.click(await page.findByText('fake repair'));
    await page.findByText('All 2 indices map the timestamps as dates.');
    assert.match(
      page.getByTestId('pinpointRepaired').textContent ?? '',
      /pinpoint-2026-11-23 repaired/
    );
  });
});
