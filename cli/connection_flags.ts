/**
 * The flags that say how to reach a cluster and a Dashboards server, and their validation: basic auth
 * (--user, the password from the environment or a prompt, never from a flag), TLS (--ca, --insecure) and AWS
 * SigV4 (--aws-sigv4, --service, --sigv4-region). Region and service are read from an AWS endpoint's host
 * name when not given.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidInputError } from '../common/validation';

export interface ConnectionFlags {
  user?: string;
  dashboardsUser?: string;
  ca?: string;
  insecure?: boolean;
  awsSigv4?: boolean;
  service?: string;
  sigv4Region?: string;
  tenant?: string;
  timeout?: string;
}

export interface TlsSettings {
  ca?: Buffer;
  insecure: boolean;
}

export interface SigV4Settings {
  region: string;
  service: 'es' | 'aoss';
}

export interface AuthSettings {
  user?: string;
  /** Asked for only when a request is about to be sent. */
  password?: () => Promise<string>;
  sigv4?: SigV4Settings;
}

export interface ConnectionSettings {
  tls: TlsSettings;
  opensearch: AuthSettings;
  dashboards: AuthSettings;
  tenant?: string;
  timeoutMs: number;
}

export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--user <name>', 'basic-auth user (password: OPENSEARCH_PASSWORD, or asked for)')
    .option(
      '--dashboards-user <name>',
      'basic-auth user for --dashboards (password: DASHBOARDS_PASSWORD; default: --user)'
    )
    .option('--ca <file>', 'CA certificate (PEM) to trust for https:// URLs')
    .option('--insecure', 'do not verify TLS certificates (test clusters only)')
    .option('--aws-sigv4', 'sign requests with AWS SigV4 (Amazon OpenSearch Service, Serverless)')
    .option('--service <es|aoss>', 'SigV4 service: es for a domain, aoss for serverless')
    .option('--sigv4-region <region>', 'SigV4 region (default: from the host name or AWS_REGION)')
    .option('--tenant <name>', 'security-plugin tenant for Dashboards saved objects')
    .option('--timeout <seconds>', 'per-request timeout', '60');
}

const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** `search-x.us-east-1.es.amazonaws.com`, `abc.us-west-2.aoss.amazonaws.com`. */
export function regionFromHost(host: string): { region?: string; service?: 'es' | 'aoss' } {
  const m = /\.([a-z0-9-]+)\.(es|aoss)\.amazonaws\.com(\.cn)?$/.exec(host.toLowerCase());
  return m ? { region: m[1], service: m[2] as 'es' | 'aoss' } : {};
}

function sigv4For(
  flags: ConnectionFlags,
  url: URL | undefined,
  env: NodeJS.ProcessEnv
): SigV4Settings | undefined {
  if (!flags.awsSigv4) {
    if (flags.service) throw new InvalidInputError('--service needs --aws-sigv4');
    if (flags.sigv4Region) throw new InvalidInputError('--sigv4-region needs --aws-sigv4');
    return undefined;
  }
  const fromHost = url ? regionFromHost(url.hostname) : {};
  const region = flags.sigv4Region ?? fromHost.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region)
    throw new InvalidInputError(
      '--aws-sigv4 needs a region: pass --sigv4-region <region> or set AWS_REGION'
    );
  if (!REGION.test(region))
    throw new InvalidInputError(
      `--sigv4-region "${region}" is not an AWS region; expected e.g. us-east-1`
    );
  const service = flags.service ?? fromHost.service ?? 'es';
  if (service !== 'es' && service !== 'aoss')
    throw new InvalidInputError(
      `--service must be es (a domain) or aoss (a serverless collection), got "${service}"`
    );
  return { region, service };
}

function readCa(file: string): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InvalidInputError(
      `--ca ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'cannot read it')}`
    );
  }
  if (!pem.toString('latin1').includes('-----BEGIN CERTIFICATE-----'))
    throw new InvalidInputError(
      `--ca ${file} is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----")`
    );
  return pem;
}

export type PasswordSource = (question: string) => Promise<string>;

function passwordThunk(
  envName: string,
  user: string,
  env: NodeJS.ProcessEnv,
  ask: PasswordSource
): () => Promise<string> {
  let answer: Promise<string> | undefined;
  return () => {
    const fromEnv = env[envName];
    if (fromEnv !== undefined) return Promise.resolve(fromEnv);
    answer ??= ask(`password for ${user} (or set ${envName}): `);
    return answer;
  };
}

function validUser(user: string | undefined, flag: string): string | undefined {
  if (user === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (user === '' || /[:\u0000-\u001f]/.test(user))
    throw new InvalidInputError(
      `${flag} must be a non-empty name without ":" or control characters`
    );
  return user;
}

export function parseTimeout(value: string | undefined): number {
  const seconds = Number(value ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
    throw new InvalidInputError(
      `--timeout must be a number of seconds between 1 and 3600, got "${value}"`
    );
  return Math.round(seconds * 1000);
}

/** Validated settings; nothing is asked or read from the network here. */
export function connectionSettings(
  flags: ConnectionFlags,
  urls: { opensearch?: URL; dashboards?: URL },
  ask: PasswordSource,
  env: NodeJS.ProcessEnv = process.env
): ConnectionSettings {
  const user = validUser(flags.user, '--user');
  const dashboardsUser = validUser(flags.dashboardsUser, '--dashboards-user') ?? user;
  const sigv4 = sigv4For(flags, urls.opensearch, env);
  if (sigv4 && user) throw new InvalidInputError('--user and --aws-sigv4 are exclusive: pick one');
  if (flags.ca && flags.insecure)
    throw new InvalidInputError('--ca and --insecure contradict each other: pick one');
  if (flags.tenant !== undefined && !/^[A-Za-z0-9_ .-]{1,100}$/.test(flags.tenant))
    throw new InvalidInputError(
      `--tenant "${flags.tenant}" must be 1-100 letters, digits, spaces, ".", "_" or "-"`
    );
  return {
    tls: { ca: flags.ca ? readCa(flags.ca) : undefined, insecure: Boolean(flags.insecure) },
    opensearch: {
      user,
      password: user ? passwordThunk('OPENSEARCH_PASSWORD', user, env, ask) : undefined,
      sigv4,
    },
    dashboards: {
      user: dashboardsUser,
      password: dashboardsUser
        ? passwordThunk(
            env.DASHBOARDS_PASSWORD !== undefined ? 'DASHBOARDS_PASSWORD' : 'OPENSEARCH_PASSWORD',
            dashboardsUser,
            env,
            ask
          )
        : undefined,
      sigv4: flags.awsSigv4 ? sigv4For(flags, urls.dashboards ?? urls.opensearch, env) : undefined,
    },
    tenant: flags.tenant,
    timeoutMs: parseTimeout(flags.timeout),
  };
}
