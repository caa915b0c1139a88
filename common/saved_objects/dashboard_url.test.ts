/**
 * Links into the Dashboards app: the path, `_g` with the time range and `_a` with a phrase filter per
 * campaign / treatment, rison-encoded so the dashboard app decodes exactly that state.
 */
import { describe, expect, it } from '@jest/globals';
import { decode } from 'rison-node';
import { campaignOverviewPath, dashboardAppPath } from './dashboard_url';

function state(path: string): Record<string, unknown> {
  const query = new URLSearchParams(path.split('?')[1] ?? '');
  return Object.fromEntries([...query].map(([k, v]) => [k, decode(v)]));
}

describe('dashboard app links', () => {
  it('links a dashboard by id with no state when none is given', () => {
    expect(dashboardAppPath('pinpoint-pipeline-health')).toBe(
      '/app/dashboards#/view/pinpoint-pipeline-health'
    );
  });

  it('narrows the Campaign overview to a campaign, a treatment and the page range', () => {
    const path = campaignOverviewPath({
      campaignId: '8c3e1b3f0e2d4a5f9b7c6d5e4f3a2b1c',
      treatmentId: '1',
      time: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' },
    });
    expect(path.startsWith('/app/dashboards#/view/pinpoint-campaign-overview?_g=')).toBe(true);
    const { _g, _a } = state(path) as {
      _g: { time: unknown };
      _a: { filters: Array<{ meta: Record<string, unknown>; query: unknown }> };
    };
    expect(_g.time).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-08T00:00:00.000Z' });
    expect(_a.filters.map((f) => f.query)).toEqual([
      { match_phrase: { 'attributes.campaign_id': '8c3e1b3f0e2d4a5f9b7c6d5e4f3a2b1c' } },
      { match_phrase: { 'attributes.treatment_id': '1' } },
    ]);
    expect(_a.filters[0].meta).toMatchObject({
      index: 'pinpoint-events',
      key: 'attributes.campaign_id',
      type: 'phrase',
      negate: false,
      disabled: false,
    });
  });

  it('survives ids and values with characters rison and URLs treat specially', () => {
    const path = campaignOverviewPath({
      campaignId: "it's (a) test!",
      time: { from: 'now-7d', to: 'now' },
    });
    const { _a } = state(path) as { _a: { filters: Array<{ query: unknown }> } };
    expect(_a.filters[0].query).toEqual({
      match_phrase: { 'attributes.campaign_id': "it's (a) test!" },
    });
  });
});
