/**
 * The subset of OSD's saved objects HTTP API the CLI, the tests and a user's curl need, with OSD's paths,
 * query names and answers: get, create (`?overwrite=true`), update, delete, `_find` and `_import`.
 * Saved-objects errors become their Boom status (router.handleLegacyErrors in OSD).
 */
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type {
  IRouter,
  OpenSearchDashboardsResponse,
  OpenSearchDashboardsResponseFactory,
  RequestHandlerContext,
} from '../../../server/osd_port';
import { validator } from '../http/validators';
import { isSavedObjectsError } from './errors';
import { importSavedObjects, parseNdjson } from './import_objects';
import { HostSavedObjectsClient } from './saved_objects_client';
import type { SavedObjectTypeRegistry } from './type_registry';

const BASE = '/api/saved_objects';
type References = Array<{ name: string; type: string; id: string }>;

/** A multipart file part as hapi hands it over with `output: 'stream'` (OSD's import route reads the same). */
interface FileStream extends Readable {
  hapi: { filename: string; headers: Record<string, string> };
}

/** hapi already enforced the route's maxBytes on the whole payload. */
async function readText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const typeAndId = validator((read) => ({ type: read.string('type')!, id: read.string('id')! }));
const typeAndOptionalId = validator((read) => ({
  type: read.string('type')!,
  id: read.string('id', { optional: true }),
}));

async function handleLegacyErrors(
  response: OpenSearchDashboardsResponseFactory,
  run: () => Promise<OpenSearchDashboardsResponse>
): Promise<OpenSearchDashboardsResponse> {
  try {
    return await run();
  } catch (error) {
    if (isSavedObjectsError(error)) {
      return response.customError({ statusCode: error.output.statusCode, body: error.message });
    }
    throw error;
  }
}

export function registerSavedObjectsRoutes(
  router: IRouter,
  client: HostSavedObjectsClient,
  registry: SavedObjectTypeRegistry
): void {
  // The request's client when the context scopes one (the caller's identity and tenant, as OSD's scoped
  // repository), else the host's.
  const scoped = (context: RequestHandlerContext): HostSavedObjectsClient =>
    context.core.savedObjects.client instanceof HostSavedObjectsClient
      ? context.core.savedObjects.client
      : client;
  router.get(
    {
      path: `${BASE}/_find`,
      validate: {
        query: validator((read) => ({
          perPage: read.integer('per_page', 20, 0),
          page: read.integer('page', 1, 0),
          type: read.strings('type')!,
          search: read.string('search', { optional: true }),
          defaultSearchOperator: read.string('default_search_operator', { optional: true }),
          searchFields: read.strings('search_fields', { optional: true }),
          sortField: read.string('sort_field', { optional: true }),
          fields: read.strings('fields', { optional: true }),
        })),
      },
    },
    (context, request, response) =>
      handleLegacyErrors(response, async () => {
        const { defaultSearchOperator: _ignored, ...options } = request.query;
        return response.ok({ body: await scoped(context).find(options) });
      })
  );

  router.get(
    { path: `${BASE}/{type}/{id}`, validate: { params: typeAndId } },
    (context, request, response) =>
      handleLegacyErrors(response, async () =>
        response.ok({ body: await scoped(context).get(request.params.type, request.params.id) })
      )
  );

  router.post(
    {
      path: `${BASE}/{type}/{id?}`,
      validate: {
        params: typeAndOptionalId,
        query: validator((read) => ({ overwrite: read.boolean('overwrite', false) })),
        body: validator((read) => ({
          attributes: read.object('attributes')!,
          migrationVersion: read.object('migrationVersion', { optional: true }) as
            Record<string, string> | undefined,
          references: read.array('references') as References | undefined,
          initialNamespaces: read.array('initialNamespaces'),
        })),
      },
    },
    (context, request, response) =>
      handleLegacyErrors(response, async () => {
        const { type, id } = request.params;
        const { attributes, migrationVersion, references } = request.body;
        const created = await scoped(context).create(type, attributes, {
          id,
          overwrite: request.query.overwrite,
          migrationVersion,
          references,
        });
        return response.ok({ body: created });
      })
  );

  router.put(
    {
      path: `${BASE}/{type}/{id}`,
      validate: {
        params: typeAndId,
        body: validator((read) => ({
          attributes: read.object('attributes')!,
          version: read.string('version', { optional: true }),
          references: read.array('references') as References | undefined,
        })),
      },
    },
    (context, request, response) =>
      handleLegacyErrors(response, async () => {
        const { type, id } = request.params;
        const { attributes, version, references } = request.body;
        return response.ok({
          body: await scoped(context).update(type, id, attributes, { version, references }),
        });
      })
  );

  router.delete(
    { path: `${BASE}/{type}/{id}`, validate: { params: typeAndId } },
    (context, request, response) =>
      handleLegacyErrors(response, async () =>
        response.ok({ body: await scoped(context).delete(request.params.type, request.params.id) })
      )
  );

  router.post(
    {
      path: `${BASE}/_import`,
      // OSD's: savedObjects.maxImportPayloadBytes (25 MiB), the file as a stream.
      options: { body: { accepts: 'multipart/form-data', maxBytes: 26214400, output: 'stream' } },
      validate: {
        query: validator((read) => {
          const options = {
            overwrite: read.boolean('overwrite', false),
            createNewCopies: read.boolean('createNewCopies', false),
          };
          read.strings('workspaces', { optional: true });
          if (options.overwrite && options.createNewCopies) {
            throw new Error('cannot use [overwrite] with [createNewCopies]');
          }
          return options;
        }),
        body: validator((read) => ({ file: read.stream('file') as FileStream })),
      },
    },
    (context, request, response) =>
      handleLegacyErrors(response, async () => {
        const { file } = request.body;
        const extension = extname(file.hapi.filename).toLowerCase();
        if (extension !== '.ndjson') {
          return response.badRequest({ body: `Invalid file extension ${extension}` });
        }
        let objects;
        try {
          objects = parseNdjson(await readText(file));
        } catch (error) {
          return response.badRequest({ body: error as Error });
        }
        const result = await importSavedObjects(objects, request.query, scoped(context), registry);
        return response.ok({ body: result });
      })
  );
}
