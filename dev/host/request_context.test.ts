/**
 * `asCurrentUser` really is the caller: it sends the incoming request's `authorization` (and security
 * tenant) to OpenSearch; `asInternalUser` never does. A stand-in cluster records what arrives.
 */
import assert from 'node:assert/strict';
import { createServer, IncomingMessage, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from '@opensearch-project/opensearch';
import { createRequestContext, resolveTenantHeader } from './request_context';
import type { HostSavedObjectsClient } from './saved_objects/saved_objects_client';
import type { HostUiSettingsClient } from './ui_settings/ui_settings_client';

const seen: IncomingHttpHeaders[] = [];
const cluster = createServer((req, res) => {
  seen.push(req.headers);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
});
let internal: Client;

beforeAll(async () => {
  await new Promise<void>((resolve) => cluster.listen(0, '127.0.0.1', resolve));
  internal = new Client({ node: `http://127.0.0.1:${(cluster.address() as AddressInfo).port}` });
});

afterAll(async () => {
  await internal.close();
  await new Promise((resolve) => cluster.close(resolve));
});

function incoming(headers: Record<string, string>): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers = headers;
  return req;
}

const deps = () => ({
  internal,
  savedObjects: {} as HostSavedObjectsClient,
  uiSettings: {} as HostUiSettingsClient,
});

test('asCurrentUser forwards authorization and securitytenant, nothing else', async () => {
  const context = createRequestContext(
    incoming({ authorization: 'Basic YWxpY2U6cw==', securitytenant: 'private', cookie: 'sid=1' }),
    deps()
  );
  await context.core.opensearch.client.asCurrentUser.transport.request({
    method: 'GET',
    path: '/',
  });
  const headers = seen.at(-1)!;
  assert.equal(headers.authorization, 'Basic YWxpY2U6cw==');
  // Resolved as the security plugin's Dashboards side does before it forwards: Private is `__user__`.
  assert.equal(headers.securitytenant, '__user__');
  assert.equal(headers.cookie, undefined);
});

test('the tenant header goes on as the security plugin names tenants: Global empty, others as given', () => {
  assert.equal(resolveTenantHeader('global'), '');
  assert.equal(resolveTenantHeader('Global'), '');
  assert.equal(resolveTenantHeader('Private'), '__user__');
  assert.equal(resolveTenantHeader('__user__'), '__user__');
  assert.equal(resolveTenantHeader('analytics'), 'analytics');
});

test('asInternalUser does not carry the caller identity', async () => {
  const context = createRequestContext(incoming({ authorization: 'Basic YWxpY2U6cw==' }), deps());
  await context.core.opensearch.client.asInternalUser.transport.request({
    method: 'GET',
    path: '/',
  });
  assert.equal(seen.at(-1)!.authorization, undefined);
});
