/**
 * Every search engine our users run, started for real on this machine the same way (an embedded launcher from
 * Maven Central jars, a free port on 127.0.0.1, a temp data dir, dies with this process):
 *
 *   os2      OpenSearch 2.19.6                                       opensearch/         Java 17
 *   es7      Elasticsearch 7.10.2 (the seed's engine; AWS ES 7.10)   opensearch/es7/     Java 17
 *   os3      OpenSearch 3.4.0                                        opensearch/os3/     Java 21+ (Temurin 25)
 *   secure   OpenSearch 2.19.6 + security plugin 2.19.4.0            opensearch/secure/  Java 17
 *   secure3  OpenSearch 3.4.0 + security plugin 3.4.0.0              opensearch/secure3/ Java 21+ (Temurin 25)
 *
 *   import { startEngine, SECURE_USERS, basicAuth } from '../../scripts/lib/engines';
 *   const node = await startEngine({ engine: 'secure' });       // resolves when the cluster is yellow/green
 *   await fetch(`${node.url}/_cat/indices`, { headers: { authorization: basicAuth(SECURE_USERS.admin) } });
 *   node.startupMs; node.rssMiB();                              // the figures the README quotes
 *   await node.stop();
 *
 * The secure engine: HTTP plain on 127.0.0.1 with basic auth (no credentials -> 401 with WWW-Authenticate),
 * transport TLS with certificates openssl makes at each start, multi-tenancy on (Global, Private and a custom
 * tenant `analytics`; the `securitytenant` header picks one: empty/absent = Global, `__user__` = Private,
 * `analytics`), and the users in SECURE_USERS (config in opensearch/secure/config/opensearch-security/).
 * secure3 is the same on OpenSearch 3.4 (same config files, users, roles and tenants), plus what the 3.2+
 * security plugin adds: `?perform_permission_check=true` on any REST request answers 200
 * `{"accessAllowed": bool, "missingPrivileges": [action, ...]}` without executing it (see
 * test/engines/permission_check.test.ts; on engines without the 3.x plugin it is a 400 unrecognized parameter).
 *
 * Tests get running engines from the orchestrator as environment variables (see engineEnv): OPENSEARCH_URL
 * (os2), ES7_URL, OS3_URL, SECURE_URL, SECURE3_URL plus SECURE_ADMIN_USER/PASSWORD, SECURE_READER_USER/PASSWORD,
 * SECURE_NOACCESS_USER/PASSWORD (one set: both secure engines have the same users). Read them with
 * `secureUsersFromEnv()` or SECURE_USERS (the same values).
 */
import { readFileSync } from 'node:fs';
import {
  QUICK_START_JAVA_OPTS,
  startOpenSearchNode,
  type EngineName,
  type OpenSearchNode,
  type OpenSearchNodeOptions,
} from './opensearch_node';

export { QUICK_START_JAVA_OPTS, type EngineName };

export interface EngineInfo {
  readonly name: EngineName;
  /** What users call it, e.g. 'Elasticsearch 7.10.2'. */
  readonly label: string;
  /** `version.number` in `GET /`. */
  readonly version: string;
  /** `version.distribution` in `GET /`: 'opensearch', or undefined for Elasticsearch. */
  readonly distribution: 'opensearch' | undefined;
  readonly secured: boolean;
  /** The environment variable the orchestrator passes this engine's URL in. */
  readonly urlEnv: string;
}

export const ENGINES: Readonly<Record<EngineName, EngineInfo>> = {
  os2: {
    name: 'os2',
    label: 'OpenSearch 2.19.6',
    version: '2.19.6',
    distribution: 'opensearch',
    secured: false,
    urlEnv: 'OPENSEARCH_URL',
  },
  es7: {
    name: 'es7',
    label: 'Elasticsearch 7.10.2',
    version: '7.10.2',
    distribution: undefined,
    secured: false,
    urlEnv: 'ES7_URL',
  },
  os3: {
    name: 'os3',
    label: 'OpenSearch 3.4.0',
    version: '3.4.0',
    distribution: 'opensearch',
    secured: false,
    urlEnv: 'OS3_URL',
  },
  secure: {
    name: 'secure',
    label: 'OpenSearch 2.19.6 with the security plugin 2.19.4.0',
    version: '2.19.6',
    distribution: 'opensearch',
    secured: true,
    urlEnv: 'SECURE_URL',
  },
  secure3: {
    name: 'secure3',
    label: 'OpenSearch 3.4.0 with the security plugin 3.4.0.0',
    version: '3.4.0',
    distribution: 'opensearch',
    secured: true,
    urlEnv: 'SECURE3_URL',
  },
};

export const ENGINE_NAMES = Object.keys(ENGINES) as EngineName[];

export function isEngineName(value: string): value is EngineName {
  return Object.hasOwn(ENGINES, value);
}

export interface SecureUser {
  readonly username: string;
  readonly password: string;
}

/**
 * The secure engines' users (test-only passwords; hashes in opensearch/secure/config/opensearch-security/).
 * - admin: all_access + the security REST API (rolesmapping, tenants, internalusers).
 * - reader: role pinpoint_read_only: reads every index, mapping and template, `_simulate_index`, cluster
 *   health; every write is a 403 (`no permissions for [indices:data/write/index] ...`); Global tenant read-only;
 *   the security REST API is a 403.
 * - noaccess: authenticated, no role: every index request is a 403 (`no permissions for
 *   [indices:data/read/search] and User [name=noaccess ...]`).
 * - kibanaserver: the Dashboards server's own user (role kibana_server), for an `asInternalUser` client.
 */
export const SECURE_USERS = {
  admin: { username: 'admin', password: 'Pinpoint-admin-1' },
  reader: { username: 'reader', password: 'Pinpoint-reader-1' },
  noaccess: { username: 'noaccess', password: 'Pinpoint-noaccess-1' },
  kibanaserver: { username: 'kibanaserver', password: 'Pinpoint-kibanaserver-1' },
} as const satisfies Record<string, SecureUser>;

export type SecureUserName = keyof typeof SECURE_USERS;

/** The `authorization` header value for a user. */
export function basicAuth(user: SecureUser): string {
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
}

export interface EngineNode extends OpenSearchNode {
  readonly info: EngineInfo;
  /** Resident memory of the engine's JVM now, in MiB (Linux /proc). */
  rssMiB(): number;
  /** CPU seconds (user + system) the JVM has used so far. */
  cpuSeconds(): number;
}

export interface StartEngineOptions extends Omit<
  OpenSearchNodeOptions,
  'engine' | 'authorization'
> {
  engine: EngineName;
}

/**
 * Starts one engine; defaults suit tests on a 2-core machine: a 512 MiB heap and QUICK_START_JAVA_OPTS (C1
 * only) unless OPENSEARCH_JAVA_OPTS or the options say otherwise.
 */
export async function startEngine(options: StartEngineOptions): Promise<EngineNode> {
  const info = ENGINES[options.engine];
  const node = await startOpenSearchNode({
    heap: '512m',
    javaOpts: process.env.OPENSEARCH_JAVA_OPTS ?? QUICK_START_JAVA_OPTS,
    ...options,
    authorization: info.secured ? basicAuth(SECURE_USERS.admin) : undefined,
  });
  return Object.assign(node, {
    info,
    rssMiB: () => rssMiB(node.pid),
    cpuSeconds: () => cpuSeconds(node.pid),
  });
}

/** The environment variables that hand a running engine to test files (see the module header). */
export function engineEnv(node: {
  readonly url: string;
  readonly engine: EngineName;
}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { [ENGINES[node.engine].urlEnv]: node.url };
  if (ENGINES[node.engine].secured) {
    for (const [name, user] of Object.entries(SECURE_USERS)) {
      const key = `SECURE_${name.toUpperCase()}`;
      env[`${key}_USER`] = user.username;
      env[`${key}_PASSWORD`] = user.password;
    }
  }
  return env;
}

/** The secure engine's users as the orchestrator passed them (falls back to SECURE_USERS). */
export function secureUsersFromEnv(
  env: NodeJS.ProcessEnv = process.env
): Record<SecureUserName, SecureUser> {
  const users = {} as Record<SecureUserName, SecureUser>;
  for (const name of Object.keys(SECURE_USERS) as SecureUserName[]) {
    const key = `SECURE_${name.toUpperCase()}`;
    users[name] = {
      username: env[`${key}_USER`] ?? SECURE_USERS[name].username,
      password: env[`${key}_PASSWORD`] ?? SECURE_USERS[name].password,
    };
  }
  return users;
}

/** Resident set size in MiB, from /proc (Linux); NaN when the process is gone. */
export function rssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** CPU seconds (user + system) a process has used: unlike wall time, barely moved by other load. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name; clock ticks of 1/100 s.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Math.round(Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
