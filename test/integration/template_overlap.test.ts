/**
 * Bug 2 on the real node: `apply` with prefix `<p>-2026` used to install `<p>-2026-events` at a priority that
 * outranks `<p>-events`; `check` for `<p>` then failed on our own template while `setup` for `<p>` said
 * "nothing to change". Now the install is refused with the conflict named (unless allowOverlap), and when such
 * a template exists anyway, setup and the report agree that something is wrong.
 * (Checked on the old code: the first apply answered `created`, the second `unchanged`.)
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { findCheck } from '../../common/check';
import { nextDailyIndexName } from '../../common/index_naming';
import { templateName } from '../../common/template';
import { ConflictError } from '../../server/errors';
import { applySetup, buildReport } from '../../server/services/index_engine';
import { countingClient, uniquePrefix } from '../support/counting_client';

const client = countingClient();
const base = uniquePrefix('overlap');
// A prefix whose dailies are also dailies of `base`: `<base>-2026-12-02` matches `<base>-2026*`.
const year = nextDailyIndexName(base, new Date()).slice(base.length + 1, base.length + 5);
const longer = `${base}-${year}`;
const only = { template: true, overwrite: false, indexPattern: false, makeDefault: false };

async function deleteTemplate(name: string): Promise<void> {
  await client.transport.request(
    { method: 'DELETE', path: `/_index_template/${name}` },
    { ignore: [404] }
  );
}

describe('templates of ours that would overlap', () => {
  beforeAll(async () => {
    await applySetup({ client }, { prefix: base, ...only });
  });
  afterAll(async () => {
    await deleteTemplate(templateName(longer));
    await deleteTemplate(templateName(base));
  });

  it('refuses to install a template that would take the dailies of another, naming it', async () => {
    await assert.rejects(applySetup({ client }, { prefix: longer, ...only }), (error: Error) => {
      assert.ok(error instanceof ConflictError);
      assert.match(error.message, new RegExp(`would outrank ${templateName(base)}`));
      assert.match(error.message, /allowOverlap/);
      return true;
    });
    const { statusCode } = await client.transport.request(
      { method: 'GET', path: `/_index_template/${templateName(longer)}` },
      { ignore: [404] }
    );
    assert.equal(statusCode, 404, 'nothing was installed');
  });

  it('installs it when asked, and then setup and the report for the shorter prefix agree', async () => {
    const forced = await applySetup({ client }, { prefix: longer, ...only, allowOverlap: true });
    assert.equal(forced.steps[0].action, 'created');
    const report = await buildReport({ client }, base);
    assert.equal(findCheck(report.checks, 'template.effective')?.status, 'fail');
    await assert.rejects(applySetup({ client }, { prefix: base, ...only }), (error: Error) => {
      assert.ok(error instanceof ConflictError, String(error));
      assert.match(
        error.message,
        new RegExp(`${templateName(longer)} \\(priority \\d+, ${longer}\\*\\) outranks`)
      );
      return true;
    });
  });
});
