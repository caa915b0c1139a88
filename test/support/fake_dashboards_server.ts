/**
 * A stand-in for the two Dashboards HTTP APIs the CLI uses with --dashboards: saved objects
 * (/api/saved_objects, `_import` with overwrite=true for the dashboards install) and advanced settings
 * (/api/opensearch-dashboards/settings). Like Dashboards it refuses
 * writes without the osd-xsrf header (400) and answers unknown objects with 404. Backed by the in-memory fakes.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSavedObjects, FakeUiSettings } from './fake_saved_objects';

export interface FakeDashboards {
  url: string;
  savedObjects: FakeSavedObjects;
  uiSettings: FakeUiSettings;
  /** Method and path of every request, and whether it carried osd-xsrf. */
  requests: Array<{ method: string; path: string; xsrf: boolean }>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeDashboards(): Promise<FakeDashboards> {
  const savedObjects = new FakeSavedObjects();
  const uiSettings = new FakeUiSettings();
  const requests: FakeDashboards['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const xsrf = req.headers['osd-xsrf'] !== undefined;
    requests.push({ method, path: url.pathname, xsrf });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      if (method !== 'GET' && !xsrf)
        return send(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Request must contain a osd-xsrf header.',
        });
      if (url.pathname === '/api/opensearch-dashboards/settings') {
        if (method === 'GET') {
          const settings: Record<string, { userValue: unknown }> = {};
          for (const [k, v] of uiSettings.values) settings[k] = { userValue: v };
          return send(200, { settings });
        }
        const { changes } = (await readJson(req)) as { changes: Record<string, unknown> };
        for (const [k, v] of Object.entries(changes)) await uiSettings.set(k, v);
        return send(200, { settings: {} });
      }
      if (url.pathname === '/api/saved_objects/_import' && method === 'POST') {
        // The one `file` part of the multipart body, one object a line (no conflict checks: overwrite only).
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks).toString('utf8');
        const file = body
          .split(/\r\n\r\n/)
          .slice(1)
          .join('\r\n\r\n')
          .split(/\r\n--/)[0];
        const objects = file
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map(
            (l) =>
              JSON.parse(l) as {
                type: string;
                id: string;
                attributes: unknown;
                references: Array<{ name: string; type: string; id: string }>;
                exportedCount?: number;
              }
          )
          .filter((o) => o.exportedCount === undefined);
        for (const o of objects) {
          await savedObjects.create(o.type, o.attributes, {
            id: o.id,
            overwrite: true,
            references: o.references,
          });
        }
        return send(200, { success: true, successCount: objects.length });
      }
      if (url.pathname === '/api/saved_objects/_find') {
        return send(
          200,
          await savedObjects.find({
            type: url.searchParams.getAll('type'),
            perPage: Number(url.searchParams.get('per_page') ?? 20),
          })
        );
      }
      const m = /^\/api\/saved_objects\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      if (m) {
        const [type, id] = [decodeURIComponent(m[1]), decodeURIComponent(m[2])];
        if (method === 'GET') return send(200, await savedObjects.get(type, id));
        const body = await readJson(req);
        if (method === 'POST') {
          return send(
            200,
            await savedObjects.create(type, body.attributes, {
              id,
              overwrite: url.searchParams.get('overwrite') === 'true',
            })
          );
        }
        if (method === 'PUT') {
          return send(
            200,
            await savedObjects.update(type, id, body.attributes as Record<string, unknown>, {
              version: body.version as string | undefined,
            })
          );
        }
      }
      return send(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
    } catch (error) {
      const status = (error as { output?: { statusCode?: number } }).output?.statusCode ?? 500;
      return send(status, { statusCode: status, message: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    savedObjects,
    uiSettings,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
