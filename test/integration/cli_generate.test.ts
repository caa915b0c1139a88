/**
 * generate against the real node: Firehose's delivery (index names from the receive time and the rotation,
 * batches cut by the buffering hints), the template guard both ways, --json, and a re-run with the same seed
 * that writes the same documents, not more.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { opensearchUrl } from '../support/counting_client';
import { runCli } from '../support/cli_run';

const os = opensearchUrl();
const prefix = `cligen${Date.now().toString(36)}`;

interface Summary {
  docs: number;
  failed: number;
  batches: number;
  docsPerSecond: number;
  indices: Record<string, number>;
}

async function counts(pattern: string): Promise<Record<string, number>> {
  await fetch(`${os}/${pattern}/_refresh`, { method: 'POST' });
  const res = await fetch(`${os}/_cat/indices/${pattern}?h=index,docs.count&format=json`);
  const rows = (await res.json()) as Array<{ index: string; 'docs.count': string }>;
  return Object.fromEntries(rows.map((r) => [r.index, Number(r['docs.count'])]));
}

describe('generate CLI', () => {
  afterAll(async () => {
    await fetch(`${os}/${prefix}*`, { method: 'DELETE' });
    await fetch(`${os}/_index_template/${prefix}-t`, { method: 'DELETE' });
  });

  it('OneHour rotation: one index per receive hour, batches no longer than the buffer interval', async () => {
    const p = `${prefix}h`;
    const { code, out, err } = await runCli([
      'generate',
      '--opensearch',
      os,
      '--prefix',
      p,
      '--days',
      '1',
      '--end',
      '2026-11-20',
      '--events-per-day',
      '2400',
      '--seed',
      '5',
      '--rotation',
      'OneHour',
      '--buffer-interval',
      '900',
      '--buffer-size',
      '5',
      '--before-template',
      '--yes',
      '--json',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(out) as Summary;
    expect(s.docs).toBe(2400);
    expect(s.failed).toBe(0);
    expect(Object.keys(s.indices)).toHaveLength(24);
    expect(Object.keys(s.indices)[0]).toBe(`${p}-2026-11-20-00`);
    // A buffer opens with its first record and flushes 900 s later: at most 96 batches in 24 h, and
    // about that many when records arrive every ~36 s.
    expect(s.batches).toBeGreaterThanOrEqual(90);
    expect(s.batches).toBeLessThanOrEqual(96);
    expect(await counts(`${p}-*`)).toEqual(s.indices);
  });

  it('OneWeek and OneMonth name indices as Firehose does', async () => {
    for (const [rotation, name] of [
      ['OneWeek', `${prefix}w-2026-w47`],
      ['OneMonth', `${prefix}m-2026-11`],
    ] as const) {
      const p = name.slice(0, prefix.length + 1);
      const { out } = await runCli([
        'generate',
        '--opensearch',
        os,
        '--prefix',
        p,
        '--days',
        '2',
        '--end',
        '2026-11-20',
        '--events-per-day',
        '50',
        '--rotation',
        rotation,
        '--before-template',
        '--yes',
        '--json',
      ]);
      expect(Object.keys((JSON.parse(out) as Summary).indices)).toEqual([name]);
    }
  });

  it('the same seed twice writes the same documents (ids from the seed and position)', async () => {
    const p = `${prefix}d`;
    const args = [
      'generate',
      '--opensearch',
      os,
      '--prefix',
      p,
      '--days',
      '3',
      '--end',
      '2026-11-20',
      '--events-per-day',
      '300',
      '--seed',
      '9',
      '--before-template',
      '--yes',
    ];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Generated: 900 events in 3 indices, .* events\/s/);
    const before = await counts(`${p}-*`);
    await runCli(args);
    expect(await counts(`${p}-*`)).toEqual(before);
    expect(before).toEqual({
      [`${p}-2026-11-18`]: 300,
      [`${p}-2026-11-19`]: 300,
      [`${p}-2026-11-20`]: 300,
    });
  });

  it('with a template: refuses --before-template, and writes without it', async () => {
    const p = `${prefix}t`;
    await fetch(`${os}/_index_template/${prefix}-t`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        index_patterns: [`${p}*`],
        template: {
          mappings: { properties: { arrival_timestamp: { type: 'date', format: 'epoch_millis' } } },
        },
      }),
    });
    const base = [
      'generate',
      '--opensearch',
      os,
      '--prefix',
      p,
      '--days',
      '1',
      '--end',
      '2026-11-20',
      '--events-per-day',
      '20',
      '--yes',
    ];
    const refused = await runCli([...base, '--before-template']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/already covers/);
    const ok = await runCli(base);
    expect(ok.code).toBe(0);
    const mapping = (await (await fetch(`${os}/${p}-2026-11-20/_mapping`)).json()) as Record<
      string,
      { mappings: { properties: { arrival_timestamp: { type: string } } } }
    >;
    expect(mapping[`${p}-2026-11-20`].mappings.properties.arrival_timestamp.type).toBe('date');
  });

  it('--help shows examples', async () => {
    const { code, out } = await runCli(['generate', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Examples:[\s\S]*--events-per-day/);
  });
});
