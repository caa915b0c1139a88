/**
 * OSD's advanced settings API: GET /api/opensearch-dashboards/settings, POST the same path with
 * `{changes: {key: value}}`, POST .../settings/{key} with `{value}`; each answers `{settings}` with the
 * user-provided values (`{defaultIndex: {userValue}}`).
 */
import type { IRouter } from '../../../server/osd_port';
import { validator } from '../http/validators';
import type { HostUiSettingsClient } from './ui_settings_client';

const PATH = '/api/opensearch-dashboards/settings';

export function registerUiSettingsRoutes(router: IRouter, client: HostUiSettingsClient): void {
  router.get({ path: PATH, validate: false }, async (_c, _request, response) =>
    response.ok({ body: { settings: await client.getUserProvided() } })
  );

  router.post(
    {
      path: PATH,
      validate: { body: validator((read) => ({ changes: read.object('changes')! })) },
    },
    async (_c, request, response) => {
      await client.setMany(request.body.changes);
      return response.ok({ body: { settings: await client.getUserProvided() } });
    }
  );

  router.post(
    {
      path: `${PATH}/{key}`,
      validate: {
        params: validator((read) => ({ key: read.string('key')! })),
        body: validator((read) => ({ value: read.any('value') ?? null })),
      },
    },
    async (_c, request, response) => {
      await client.set(request.params.key, request.body.value);
      return response.ok({ body: { settings: await client.getUserProvided() } });
    }
  );
}
