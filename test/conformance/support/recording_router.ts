/**
 * What the conformance suite hands the plugin as `core.http.createRouter()`: the one test router
 * (test/support/fake_router.ts, the dev host's OSD router on hapi), so registration is checked as OSD checks
 * it (a route without `validate`, a validate part that is not a function, or a clash is an error) and the
 * recorded routes can also be called.
 */
import { FakeRouter, type RecordedRoute } from '../../support/fake_router';

export type { RecordedRoute };

export function createRecordingRouter(): FakeRouter {
  return new FakeRouter();
}
