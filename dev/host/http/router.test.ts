/**
 * The host's HTTP layer answers like Dashboards: hapi's 400 (bad JSON), 404 (no route), 413 (too large) and
 * 415 (media type) with Boom bodies; OSD's validation 400s, xsrf and version checks, response factory, opaque
 * 500, forwarded 401 and base path. Real HTTP on 127.0.0.1; no OpenSearch.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { errors as opensearchErrors } from '@opensearch-project/opensearch';
import type { Server } from '@hapi/hapi';
import { InvalidInputError } from '../../../common/validation';
import type { RequestHandlerContext } from '../../../server/osd_port';
import { validateWith } from '../../../server/routes/validate';
import { createLogger, type LogRecord } from '../logger';
import { scopedHeaders } from '../request_context';
import { close, createHostServer, listen } from './http_server';
import { RouteTable } from './router';

const logs: LogRecord[] = [];
const routes = new RouteTable();
const router = routes.createRouter('test');
let base = '';
let server: Server;
/** What asCurrentUser would send for the last request (the host builds the context from hapi's request). */
let lastScoped: Record<string, string> = {};

function parseName(data: unknown): { name: string } {
  const name = (data as { name?: unknown } | null)?.name;
  if (typeof name !== 'string' || name === '')
    throw new InvalidInputError('"name" must be a non-empty string');
  return { name };
}

function registerRoutes() {
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
  router.post(
    {
      path: '/api/t/small',
      validate: { body: (data, { ok }) => ok(data) },
      options: { body: { maxBytes: 64, accepts: 'application/json' } },
    },
    (_c, request, response) => response.ok({ body: { got: request.body } })
  );
  router.post(
    {
      path: '/api/t/upload',
      validate: { body: (data, { ok }) => ok(data as { file: Readable }) },
      options: { body: { accepts: 'multipart/form-data', output: 'stream', maxBytes: 1024 } },
    },
    async (_c, request, response) => {
      const file = request.body.file as Readable & { hapi: { filename: string } };
      let text = '';
      for await (const chunk of file) text += String(chunk);
      return response.ok({ body: { filename: file.hapi.filename, text } });
    }
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
    (_c, _request, response) => response.ok({ body: {} })
  );
  router.get({ path: '/api/t/throws', validate: false }, () => {
    throw new Error('secret upstream detail');
  });
  router.get({ path: '/api/t/unauthorized-upstream', validate: false }, () => {
    throw new opensearchErrors.ResponseError({
      body: { error: 'unauthorized' },
      statusCode: 401,
      headers: { 'WWW-Authenticate': 'Basic realm="security"' },
      meta: {} as never,
      warnings: null,
    });
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
    response.ok({ body: 'plain', headers: { 'x-extra': 'yes' } })
  );
  router.get({ path: '/api/t/empty', validate: false }, (_c, _r, response) => response.ok());
  router.delete({ path: '/api/t/items/{id}', validate: false }, (_c, _r, response) =>
    response.noContent()
  );
}

beforeAll(async () => {
  server = createHostServer({
    basePath: '',
    osdVersion: '2.19.3',
    routes,
    logger: createLogger(['test'], 'debug', (r) => logs.push(r)),
    createContext: (request) => {
      lastScoped = scopedHeaders(request);
      return {} as RequestHandlerContext;
    },
  });
  registerRoutes();
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});

afterAll(() => close(server));

async function call(path: string, init: RequestInit = {}, root = base) {
  const response = await fetch(`${root}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body, type: response.headers.get('content-type'), response };
}

const write = (
  body: string,
  type = 'application/json',
  headers: Record<string, string> = { 'osd-xsrf': 'true' }
) => ({ method: 'POST', headers: { 'content-type': type, ...headers }, body });
const json = (body: unknown, headers?: Record<string, string>) =>
  write(JSON.stringify(body), 'application/json', headers);
const message = (body: unknown) => (body as { message: string }).message;

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
    assert.equal(message(r.body), '[request body]: "name" must be a non-empty string');
    const okay = await call('/api/t/items', json({ name: 'pinpoint' }));
    assert.equal(okay.status, 200);
    assert.deepEqual(okay.body, { name: 'pinpoint' });
  });

  test('a validator that throws gives a 400, not a 500', async () => {
    const r = await call('/api/t/throwing-validator', json({}));
    assert.equal(r.status, 400);
    assert.equal(message(r.body), '[request body]: validator exploded');
  });

  test('parts without a validator reach the handler empty; an unvalidated body is not even parsed', async () => {
    const r = await call('/api/t/items/_search?q=1');
    assert.deepEqual(r.body, { literal: true, query: {} });
    assert.deepEqual((await call('/api/t/no-body-rule', json({ sneaky: true }))).body, {
      body: {},
    });
    // OSD gives such a route an unparsed stream: broken JSON is not an error there.
    const broken = await call('/api/t/no-body-rule', write('{"oops'));
    assert.equal(broken.status, 200);
  });

  test('malformed JSON is hapi 400 before the handler runs', async () => {
    const r = await call('/api/t/items', write('{"name": '));
    assert.equal(r.status, 400);
    assert.equal(message(r.body), 'Invalid request payload JSON format');
  });

  test('repeated query parameters arrive as an array, path params decoded', async () => {
    const r = await call('/api/t/items/a%2Fb?size=1&size=2');
    assert.deepEqual(r.body, { params: { id: 'a/b' }, query: { size: ['1', '2'] } });
  });
});

describe('payload limits and media types (hapi)', () => {
  test('a body over the route maxBytes is a 413', async () => {
    const r = await call('/api/t/small', json({ pad: 'x'.repeat(100) }));
    assert.equal(r.status, 413);
    assert.deepEqual(r.body, {
      statusCode: 413,
      error: 'Request Entity Too Large',
      message: 'Payload content length greater than maximum allowed: 64',
    });
    assert.equal((await call('/api/t/small', json({ pad: 'x' }))).status, 200);
  });

  test('over the server default of 1 MiB is a 413 on any route', async () => {
    const r = await call('/api/t/items', json({ name: 'x'.repeat(1024 * 1024) }));
    assert.equal(r.status, 413);
  });

  test('a media type the route does not accept is a 415', async () => {
    const r = await call('/api/t/small', write('name=x', 'application/x-www-form-urlencoded'));
    assert.equal(r.status, 415);
    assert.deepEqual(r.body, {
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: 'Unsupported Media Type',
    });
    // Without payload settings, multipart is off (hapi 19+): a form upload to a JSON route is a 415.
    const form = new FormData();
    form.append('name', 'x');
    const multipart = await call('/api/t/items', {
      method: 'POST',
      headers: { 'osd-xsrf': 'true' },
      body: form,
    });
    assert.equal(multipart.status, 415);
  });

  test("a multipart file reaches an `output: 'stream'` route as a stream with its filename", async () => {
    const form = new FormData();
    form.append('file', new Blob(['{"a":1}\n'], { type: 'application/ndjson' }), 'export.ndjson');
    const r = await call('/api/t/upload', {
      method: 'POST',
      headers: { 'osd-xsrf': 'true' },
      body: form,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { filename: 'export.ndjson', text: '{"a":1}\n' });
  });
});

describe('xsrf and version headers', () => {
  test('a POST without osd-xsrf is refused with OSD message', async () => {
    const r = await call('/api/t/items', json({ name: 'x' }, {}));
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Request must contain a osd-xsrf header.',
    });
  });

  test('presence is enough: any osd-xsrf value, or osd-version; DELETE is checked, GET is not', async () => {
    assert.equal((await call('/api/t/items', json({ name: 'x' }, { 'osd-xsrf': '' }))).status, 200);
    assert.equal(
      (await call('/api/t/items', json({ name: 'x' }, { 'osd-version': '2.19.3' }))).status,
      200
    );
    assert.equal((await call('/api/t/items/1', { method: 'DELETE' })).status, 400);
    assert.equal(
      (await call('/api/t/items/1', { method: 'DELETE', headers: { 'osd-xsrf': 'x' } })).status,
      204
    );
    assert.equal((await call('/api/t/items/1')).status, 200);
  });

  test('an osd-version of another release is a stale client: 400 saying so', async () => {
    const r = await call('/api/t/items/1', { headers: { 'osd-version': '2.18.0' } });
    assert.equal(r.status, 400);
    assert.match(message(r.body), /Browser client is out of date/);
    assert.deepEqual((r.body as { attributes: unknown }).attributes, {
      expected: '2.19.3',
      got: '2.18.0',
    });
  });
});

describe('the caller identity', () => {
  test("the context is built from the request: asCurrentUser gets the caller's authorization and tenant only", async () => {
    await call('/api/t/items/1', {
      headers: { Authorization: 'Basic YWxpY2U6cw==', securitytenant: 'team-a', cookie: 'sid=1' },
    });
    assert.deepEqual(lastScoped, { authorization: 'Basic YWxpY2U6cw==', securitytenant: 'team-a' });
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
        router.post(
          { path: '/api/t/z', validate: false, options: { body: { output: 'file' as never } } },
          (_c, _r, res) => res.ok()
        ),
      /Only 'data' or 'stream' are valid/
    );
    assert.throws(
      () =>
        router.get({ path: '/api/t/items/{other}', validate: false }, (_c, _r, res) => res.ok()),
      /conflicts with existing \/api\/t\/items\/\{id\}/
    );
  });

  test('body options on a GET route are dropped, as OSD does (hapi would refuse them)', async () => {
    router.get(
      { path: '/api/t/get-with-body', validate: false, options: { body: { maxBytes: 10 } } },
      (_c, _r, res) => res.ok({ body: { ok: true } })
    );
    assert.equal((await call('/api/t/get-with-body')).status, 200);
  });

  test('under a base path, requests outside it are 404s and inside it reach the route', async () => {
    const table = new RouteTable();
    table
      .createRouter('t')
      .get({ path: '/api/x', validate: false }, (_c, _r, res) => res.ok({ body: { here: true } }));
    const based = createHostServer({
      basePath: '/osd',
      routes: table,
      logger: createLogger(['test'], 'error'),
      createContext: () => ({}) as RequestHandlerContext,
    });
    const root = `http://127.0.0.1:${await listen(based, 0, '127.0.0.1')}`;
    try {
      assert.deepEqual((await call('/osd/api/x', {}, root)).body, { here: true });
      assert.equal((await call('/api/x', {}, root)).status, 404);
      assert.equal((await call('/osdx/api/x', {}, root)).status, 404);
    } finally {
      await close(based);
    }
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

  test('a throwing handler is an opaque 500 and the error is logged once, not echoed', async () => {
    const before = logs.length;
    const r = await call('/api/t/throws');
    assert.equal(r.status, 500);
    assert.deepEqual(r.body, {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'An internal server error occurred.',
    });
    assert.deepEqual(
      logs
        .slice(before)
        .filter((l) => l.level === 'error')
        .map((l) => l.message),
      ['secret upstream detail']
    );
  });

  test("OpenSearch's 401 is forwarded with its challenge, as OSD's router does", async () => {
    const r = await call('/api/t/unauthorized-upstream');
    assert.equal(r.status, 401);
    assert.equal(r.response.headers.get('www-authenticate'), 'Basic realm="security"');
  });

  test('customError outside 400-599 and a non-response result are handler errors (500)', async () => {
    assert.equal((await call('/api/t/bad-status')).status, 500);
    assert.equal((await call('/api/t/not-a-response')).status, 500);
    assert.ok(logs.some((l) => /Expected from 400 to 599, but given: 200/.test(l.message)));
  });

  test('a string body is text/html with the handler headers, an object JSON, no body empty', async () => {
    const text = await call('/api/t/text');
    assert.equal(text.body, 'plain');
    assert.match(text.type ?? '', /^text\/html/);
    assert.equal(text.response.headers.get('x-extra'), 'yes');
    const conflict = await call('/api/t/conflict');
    assert.match(conflict.type ?? '', /^application\/json/);
    assert.equal(
      conflict.response.headers.get('cache-control'),
      'private, no-cache, no-store, must-revalidate'
    );
    // OSD sets the status code explicitly, so hapi keeps a 200 for an empty ok() (no 204 rewrite).
    const empty = await call('/api/t/empty');
    assert.deepEqual([empty.status, empty.body], [200, '']);
  });
});
