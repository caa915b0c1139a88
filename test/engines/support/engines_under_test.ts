/**
 * The engines the cross-engine suite runs on, from the environment the orchestrator sets (scripts/run_tests.ts,
 * scripts/lib/engines.ts): OPENSEARCH_URL (OpenSearch 2.19.6), ES7_URL, OS3_URL, SECURE_URL, SECURE3_URL and
 * the secure engines' users. A
 * missing one fails the suite loudly (never a silent skip): run `npm test -- engines`, or start the engines
 * yourself (`OPENSEARCH_PORT=… npm run opensearch -- --engine es7` …) and export the variables.
 *
 * Each engine comes with a client in the shape the services take (server/osd_port.ts); on a secure engine it
 * is the admin's, and `clientAs(user, tenant, engine)` gives another user's, with an optional `securitytenant`.
 */
import { Client } from '@opensearch-project/opensearch';
import {
  ENGINES,
  ENGINE_NAMES,
  secureUsersFromEnv,
  type EngineInfo,
  type EngineName,
  type SecureUser,
  type SecureUserName,
} from '../../../scripts/lib/engines';
import type { OpenSearchClient } from '../../../server/osd_port';

export interface EngineUnderTest {
  readonly name: EngineName;
  readonly info: EngineInfo;
  readonly url: string;
  /** The admin's client on a secure engine, an anonymous one elsewhere. */
  readonly client: OpenSearchClient;
  /** Raw HTTP with the same credentials, for assertions independent of the services. */
  http<T = unknown>(
    method: string,
    path: string,
    body?: unknown
  ): Promise<{ status: number; body: T }>;
}

function portClient(
  url: string,
  user?: SecureUser,
  headers?: Record<string, string>
): OpenSearchClient {
  return new Client({
    node: url,
    requestTimeout: 60_000,
    maxRetries: 0,
    ...(user ? { auth: { username: user.username, password: user.password } } : {}),
    ...(headers ? { headers } : {}),
  }) as unknown as OpenSearchClient;
}

function authHeader(user: SecureUser | undefined): Record<string, string> {
  return user
    ? {
        authorization: `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`,
      }
    : {};
}

export function engineUrl(name: EngineName, env: NodeJS.ProcessEnv = process.env): string {
  const key = ENGINES[name].urlEnv;
  const url = env[key];
  if (!url) {
    throw new Error(
      `${key} is not set: run \`npm test -- engines\`, or start ${ENGINES[name].label} (npm run opensearch -- --engine ${name}) and export ${key}`
    );
  }
  return url;
}

export function engineUnderTest(name: EngineName): EngineUnderTest {
  const url = engineUrl(name);
  const admin = ENGINES[name].secured ? secureUsersFromEnv().admin : undefined;
  return {
    name,
    info: ENGINES[name],
    url,
    client: portClient(url, admin),
    async http<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...authHeader(admin),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}

/** Every engine, in a stable order, for `describe.each`. */
export function allEnginesUnderTest(): EngineUnderTest[] {
  return ENGINE_NAMES.map(engineUnderTest);
}

/**
 * A client on a secure engine (default `secure`) as `user`, optionally in a tenant (`securitytenant` header).
 */
export function clientAs(
  user: SecureUserName,
  tenant?: string,
  engine: EngineName = 'secure'
): OpenSearchClient {
  if (!ENGINES[engine].secured) throw new Error(`clientAs: ${engine} has no users`);
  return portClient(
    engineUrl(engine),
    secureUsersFromEnv()[user],
    tenant === undefined ? undefined : { securitytenant: tenant }
  );
}

/** A lowercase, unique index prefix per file and engine (the engines are shared by the whole run). */
export function enginePrefix(tag: string, engine: EngineName): string {
  return `pinpoint_e_${tag}_${engine}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
