/**
 * The host's router answers like OSD's: validation failures and a missing xsrf header are 400s with Boom
 * bodies, unknown routes 404, handler failures an opaque 500, error helpers OSD's status and body shape.
 * Real HTTP through node:http; no OpenSearch.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { InvalidInputError } from '../../../common/validation';
import type { RequestHandlerContext } from '../../../server/osd_port';
import { validateWith } from '../../../server/routes/validate';
import { createLogger, type LogRecord } from '../logger';
import { close, createHostServer, listen } from './http_server';
import { RouteTable } from './router';

const logs: LogRecord[] = [];
const routes = new RouteTable();
const router = routes.createRouter('test');
let base = '';
const server = createHostServer({
  basePath: '',
  routes,
  logger: createLogger(['test'], 'debug', (r) => logs.push(r)),
  createContext: () => ({}) as RequestHandlerContext,
});

function parseName(data: unknown): { name: string } {
  const name = (data as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || name === '')
    throw new InvalidInputError('"name" must be a non-empty string');
  return { name };
}

beforeAll(async () => {
  router.get(
    {
      path: '/api/t/items/{id}',
      validate: {
        params: (data, { ok }) => ok(data as { id: string }),
        query: (data, { ok, badRequest }) => {
          const q = data as Record<string, unknown>;
          return ([] as unknown[]).concat(q.size ?? []).every((v) => /^\d+$/.test(String(v)))
            ? ok(q)
            : badRequest('must be a number', ['size']);
        },
      },
    },
    (_c, request, response) =>
      response.ok({ body: { params: request.params, query: request.query } })
  );
  router.get({ path: '/api/t/items/_search', validate: false }, (_c, request, response) =>
    response.ok({ body: { literal: true, query: request.query } })
  );
  router.post(
    { path: '/api/t/items', validate: { body: validateWith(parseName) } },
    (_c, request, response) => response.ok({ body: request.body })
  );
  router.post({ path: '/api/t/no-body-rule', validate: {} }, (_c, request, response) =>
    response.ok({ body: { body: request.body } })
  );
  router.post(
    {
      path: '/api/t/throwing-validator',
      validate: {
        body: () => {
          throw new Error('validator exploded');
        },
      },
    },
    (_c, _request, response) => response.ok()
  );
  router.get({ path: '/api/t/throws', validate: false }, () => {
    throw new Error('secret upstream detail');
  });
  router.get({ path: '/api/t/conflict', validate: false }, (_c, _r, response) =>
    response.customError({
      statusCode: 409,
      body: { message: 'template drifted', attributes: { field: 'x' } },
    })
  );
  router.get({ path: '/api/t/bad-status', validate: false }, (_c, _r, response) =>
    response.customError({ statusCode: 200, body: 'not an error' })
  );
  router.get({ path: '/api/t/not-found-default', validate: false }, (_c, _r, response) =>
    response.notFound()
  );
  router.get({ path: '/api/t/error-object', validate: false }, (_c, _r, response) =>
    response.forbidden({ body: new Error('no access to pinpoint-*') })
  );
  router.get({ path: '/api/t/not-a-response', validate: false }, () => ({ status: 200 }) as never);
  router.get({ path: '/api/t/text', validate: false }, (_c, _r, response) =>
    response.ok({ body: 'plain' })
  );
  router.delete({ path: '/api/t/items/{id}', validate: false }, (_c, _r, response) =>
    response.noContent()
  );
  const port = await listen(server, 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port ?? port}`;
});

afterAll(() => close(server));

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body, type: response.headers.get('content-type') };
}

const json = (body: unknown, headers: Record<string, string> = { 'osd-xsrf': 'true' }) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('validation', () => {
  test('a badRequest from a validation function is a 400 naming the part and field', async () => {
    const r = await call('/api/t/items/a1?size=big');
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, {
      statusCode: 400,
      error: 'Bad Request',
      message: '[request query.size]: must be a number',
    });
  });

  test("the plugin's validateWith turns a parser's InvalidInputError into a 400 with its message", async () => {
    const r = await call('/api/t/items', json({ name: '' }));
    assert.equal(r.status, 400);
    assert.equal(
      (r.body as { message: string }).message,
      '[request body]: "name" must be a non-empty string'
    );
    const okay = await call('/api/t/items', json({ name: 'pinpoint' }));
    assert.equal(okay.status, 200);
    assert.deepEqual(okay.body, { name: 'pinpoint' });
  });

  test('a validator that throws gives a 400, not a 500', async () => {
    const r = await call('/api/t/throwing-validator', json({}));
    assert.equal(r.status, 400);
    assert.equal((r.body as { message: string }).message, '[request body]: validator exploded');
  });

  test('parts without a validator reach the handler empty, as in OSD', async () => {
    const r = await call('/api/t/items/_search?q=1');
    assert.deepEqual(r.body, { literal: true, query: {} });
    const noRule = await call('/api/t/no-body-rule', json({ sneaky: true }));
    assert.deepEqual(noRule.body, { body: {} });
  });

  test('malformed JSON is a 400 before the handler runs', async () => {
    const r = await call('/api/t/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'osd-xsrf': 'true' },
      body: '{"name": ',
    });
    assert.equal(r.status, 400);
    assert.equal((r.body as { message: string }).message, 'Invalid request payload JSON format');
  });

  test('repeated query parameters arrive as an array, path params decoded', async () => {
    const r = await call('/api/t/items/a%2Fb?size=1&size=2');
    assert.deepEqual(r.body, { params: { id: 'a/b' }, query: { size: ['1', '2'] } });
  });
});

describe('xsrf', () => {
  test('a POST without osd-xsrf is refused with OSD message', async () => {
    const r = await call('/api/t/items', json({ name: 'x' }, {}));
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Request must contain a osd-xsrf header.',
    });
  });

  test('osd-version also satisfies the check (core.http sends it), DELETE is checked too', async () => {
    assert.equal(
      (await call('/api/t/items', json({ name: 'x' }, { 'osd-version': '2.19.3' }))).status,
      200
    );
    assert.equal((await call('/api/t/items/1', { method: 'DELETE' })).status, 400);
    assert.equal(
      (await call('/api/t/items/1', { method: 'DELETE', headers: { 'osd-xsrf': 'x' } })).status,
      204
    );
  });
});

describe('routing', () => {
  test('an unknown path or method is a 404 with a Boom body', async () => {
    const r = await call('/api/t/nope');
    assert.equal(r.status, 404);
    assert.deepEqual(r.body, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
    assert.equal((await call('/api/t/conflict', json({}))).status, 404);
  });

  test('a literal segment wins over a parameter whatever the registration order', async () => {
    const r = await call('/api/t/items/_search');
    assert.equal((r.body as { literal?: boolean }).literal, true);
  });

  test('registration enforces validate and refuses a second route on the same path', () => {
    assert.throws(
      () => router.get({ path: '/api/t/x' } as never, (_c, _r, res) => res.ok()),
      /does not have a 'validate' specified/
    );
    assert.throws(
      () =>
        router.get({ path: '/api/t/y', validate: { query: 'nope' as never } }, (_c, _r, res) =>
          res.ok()
        ),
      /RouteValidationFunction at key: \[query\]/
    );
    assert.throws(
      () =>
        router.get(
          { path: '/api/t/z', validate: false, options: { body: { maxBytes: 10 } } },
          (_c, _r, res) => res.ok()
        ),
      /Cannot set payload settings on HEAD or GET request/
    );
    assert.throws(
      () =>
        router.get({ path: '/api/t/items/{other}', validate: false }, (_c, _r, res) => res.ok()),
      /conflicts with existing \/api\/t\/items\/\{id\}/
    );
  });
});

describe('responses', () => {
  test('customError keeps the status, message and attributes', async () => {
    const r = await call('/api/t/conflict');
    assert.equal(r.status, 409);
    assert.deepEqual(r.body, {
      statusCode: 409,
      error: 'Conflict',
      message: 'template drifted',
      attributes: { field: 'x' },
    });
  });

  test('error helpers default to the status text and accept an Error', async () => {
    assert.deepEqual((await call('/api/t/not-found-default')).body, {
      statusCode: 404,
      error: 'Not Found',
      message: 'Not Found',
    });
    assert.deepEqual((await call('/api/t/error-object')).body, {
      statusCode: 403,
      error: 'Forbidden',
      message: 'no access to pinpoint-*',
    });
  });

  test('a throwing handler is an opaque 500 and the error is logged, not echoed', async () => {
    const r = await call('/api/t/throws');
    assert.equal(r.status, 500);
    assert.deepEqual(r.body, {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An internal server error occurred.',
    });
    assert.ok(logs.some((l) => l.level === 'error' && l.message === 'secret upstream detail'));
  });

  test('customError outside 400-599 and a non-response result are handler errors (500)', async () => {
    assert.equal((await call('/api/t/bad-status')).status, 500);
    assert.equal((await call('/api/t/not-a-response')).status, 500);
    assert.ok(logs.some((l) => /Expected from 400 to 599, but given: 200/.test(l.message)));
  });

  test('a string body is text/html, an object JSON', async () => {
    const text = await call('/api/t/text');
    assert.equal(text.body, 'plain');
    assert.match(text.type ?? '', /^text\/html/);
    assert.match((await call('/api/t/conflict')).type ?? '', /^application\/json/);
  });
});
