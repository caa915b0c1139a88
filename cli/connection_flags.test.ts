import { describe, expect, it } from '@jest/globals';
import { connectionSettings, regionFromHost } from './connection_flags';

const never = () => Promise.reject(new Error('asked'));

describe('connection flags', () => {
  it('reads region and service from AWS host names', () => {
    expect(regionFromHost('search-logs-abc.eu-west-2.es.amazonaws.com')).toEqual({
      region: 'eu-west-2',
      service: 'es',
    });
    expect(regionFromHost('x1y2.us-east-1.aoss.amazonaws.com')).toEqual({
      region: 'us-east-1',
      service: 'aoss',
    });
    expect(regionFromHost('127.0.0.1')).toEqual({});
  });

  it('SigV4 takes the host region over AWS_REGION, and --sigv4-region over both', () => {
    const url = new URL('https://x1y2.us-west-2.aoss.amazonaws.com');
    const s = connectionSettings({ awsSigv4: true }, { opensearch: url }, never, {
      AWS_REGION: 'eu-west-1',
    });
    expect(s.opensearch.sigv4).toEqual({ region: 'us-west-2', service: 'aoss' });
    const o = connectionSettings(
      { awsSigv4: true, sigv4Region: 'ap-south-1' },
      { opensearch: url },
      never,
      {}
    );
    expect(o.opensearch.sigv4?.region).toBe('ap-south-1');
  });

  it('the password comes from OPENSEARCH_PASSWORD and is asked for only when needed, once', async () => {
    let asked = 0;
    const ask = () => ((asked += 1), Promise.resolve('typed'));
    const fromEnv = connectionSettings({ user: 'u' }, {}, ask, { OPENSEARCH_PASSWORD: 'env' });
    expect(await fromEnv.opensearch.password?.()).toBe('env');
    const prompted = connectionSettings({ user: 'u' }, {}, ask, {});
    expect(asked).toBe(0);
    expect(await prompted.opensearch.password?.()).toBe('typed');
    expect(await prompted.opensearch.password?.()).toBe('typed');
    expect(asked).toBe(1);
  });

  it('Dashboards uses --dashboards-user and DASHBOARDS_PASSWORD when given, else the cluster ones', async () => {
    const s = connectionSettings({ user: 'a', dashboardsUser: 'b' }, {}, never, {
      OPENSEARCH_PASSWORD: 'pa',
      DASHBOARDS_PASSWORD: 'pb',
    });
    expect(s.dashboards.user).toBe('b');
    expect(await s.dashboards.password?.()).toBe('pb');
    const same = connectionSettings({ user: 'a' }, {}, never, { OPENSEARCH_PASSWORD: 'pa' });
    expect(await same.dashboards.password?.()).toBe('pa');
  });
});
