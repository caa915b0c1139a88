/**
 * One line for each way a connection to a cluster or a Dashboards server fails, saying what to fix: refused,
 * unknown host, no answer, TLS (expired, untrusted, wrong name, https to a plain port), 401, 403, and the
 * SigV4 refusals (wrong region, bad or missing AWS credentials). The CLI prints the message and exits 2.
 *
 * opensearch-js keeps only the socket error's message (not its code), so the TLS and socket cases are
 * recognised by Node's messages as well as by code.
 */
import { DomainError } from '../server/errors';
import { readUpstreamError } from '../server/upstream_errors';

/** A connection-level failure: the message already says what to change. Exit 2. */
export class ConnectionFailure extends DomainError {
  readonly statusCode = 502;
}

export type Target = 'OpenSearch' | 'Dashboards';

export interface TargetInfo {
  target: Target;
  /** Without credentials. */
  url: string;
  /** The flag that names the URL (--opensearch, --dashboards). */
  flag: string;
  auth: 'none' | 'basic' | 'sigv4';
  user?: string;
  region?: string;
  service?: string;
}

interface Failure {
  code?: string;
  message: string;
  status?: number;
  body?: unknown;
}

/**
 * Status and code from the shared reader; the whole message (with its cause's) and the raw body stay, because
 * the TLS and SigV4 texts are matched in them and the reader keeps one cut line.
 */
function readFailure(error: unknown): Failure {
  const { status, code } = readUpstreamError(error);
  const e = error as {
    message?: string;
    cause?: { message?: string };
    meta?: { body?: unknown };
    body?: unknown;
  };
  return {
    code,
    message: `${e?.message ?? String(error)} ${e?.cause?.message ?? ''}`.trim(),
    status,
    body: e?.meta?.body ?? e?.body,
  };
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}

const TLS_UNTRUSTED =
  /self[- ]signed|unable to verify|UNABLE_TO_GET_ISSUER|SELF_SIGNED|unable to get local issuer/i;

/** The socket and TLS cases; undefined when the error is not one. */
function socketProblem(f: Failure, t: TargetInfo): string | undefined {
  const where = `${t.target} at ${t.url}`;
  const text = `${f.code ?? ''} ${f.message}`;
  if (/ECONNREFUSED/.test(text))
    return `cannot connect to ${where}: connection refused; check the host and port in ${t.flag} and that ${t.target} is running`;
  if (/ENOTFOUND|EAI_AGAIN/.test(text))
    return `cannot resolve the host of ${t.flag} ${t.url}; check the spelling of the host name`;
  if (/CERT_HAS_EXPIRED|certificate has expired/i.test(text))
    return `the TLS certificate of ${where} has expired; renew the server certificate (or, for a test cluster only, pass --insecure)`;
  if (/CERT_NOT_YET_VALID|certificate is not yet valid/i.test(text))
    return `the TLS certificate of ${where} is not valid yet; check the server's and this machine's clocks`;
  if (/ERR_TLS_CERT_ALTNAME_INVALID|does not match certificate|altnames/i.test(text))
    return `the TLS certificate of ${where} is for another host name; use the name the certificate was issued for in ${t.flag}`;
  if (TLS_UNTRUSTED.test(text))
    return `the TLS certificate of ${where} is not signed by a trusted authority; pass --ca <file> with the CA certificate (PEM), or --insecure for a test cluster`;
  if (/wrong version number|EPROTO|ERR_SSL|packet length too long/i.test(text))
    return `TLS handshake with ${where} failed: is it plain HTTP? use http:// in ${t.flag} (or https:// if it is the other way round)`;
  if (/ECONNRESET|socket hang up|EPIPE/.test(text))
    return `${where} closed the connection; check that ${t.flag} points at ${t.target} (https:// for a TLS port)`;
  if (
    /TimeoutError|timed out|ETIMEDOUT|aborted due to timeout|UND_ERR_CONNECT_TIMEOUT|Request timed out/i.test(
      text
    )
  )
    return `${where} did not answer in time; check ${t.flag}, the network path (VPC, security group) and that ${t.target} is healthy`;
  if (
    /Could not load credentials|CredentialsProviderError|Unable to find a valid AWS SDK/i.test(text)
  )
    return `no AWS credentials for --aws-sigv4: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (the SDK's default chain)`;
  return undefined;
}

/** SigV4-specific 403s from AWS's front door, recognised by the message AWS sends. */
function sigv4Problem(f: Failure, t: TargetInfo): string | undefined {
  const text = `${bodyText(f.body)} ${f.message}`;
  if (
    /Credential should be scoped to a valid region|scoped to correct region|region .* is wrong/i.test(
      text
    )
  )
    return `${t.target} at ${t.url} is not in region ${t.region ?? '(unset)'}: pass --sigv4-region <region of the domain> (or set AWS_REGION)`;
  if (/Credential should be scoped to correct service/i.test(text))
    return `${t.target} at ${t.url} refused the signing service "${t.service}": use --service aoss for a serverless collection, --service es for a domain`;
  if (
    /security token included in the request is invalid|UnrecognizedClientException|InvalidClientTokenId/i.test(
      text
    )
  )
    return `${t.target} at ${t.url} does not recognise the AWS credentials: check AWS_PROFILE / the access key, or refresh an expired session`;
  if (/signature we calculated does not match|SignatureDoesNotMatch/i.test(text))
    return `${t.target} at ${t.url} rejected the SigV4 signature: check the secret key, the --sigv4-region and that no proxy rewrites the request`;
  if (/Signature expired|RequestExpired/i.test(text))
    return `${t.target} at ${t.url} says the signature expired: this machine's clock is wrong; sync it`;
  return undefined;
}

/** Message for a 401 or 403 that is about who is calling, not about a single request. */
function authProblem(f: Failure, t: TargetInfo, what?: string): string | undefined {
  const where = `${t.target} at ${t.url}`;
  if (f.status === 401) {
    if (t.auth === 'none')
      return `${where} requires authentication (401): pass --user <name> with the password in ${t.target === 'OpenSearch' ? 'OPENSEARCH_PASSWORD' : 'DASHBOARDS_PASSWORD'} (or a prompt), or --aws-sigv4 for an AWS domain`;
    if (t.auth === 'basic')
      return `${where} rejected the user name or password for "${t.user ?? ''}" (401); check --user and the password`;
    return `${where} rejected the SigV4-signed request (401); check the AWS identity is mapped to a role on the domain`;
  }
  if (f.status === 403) {
    // A write block is a 403 too, and says nothing about who is calling.
    if (/cluster_block_exception|index_closed|read[-_ ]only/i.test(bodyText(f.body)))
      return undefined;
    const sig = t.auth === 'sigv4' ? sigv4Problem(f, t) : undefined;
    if (sig) return sig;
    const reason = /no permissions for \[([^\]]+)\]/.exec(bodyText(f.body) + f.message)?.[1];
    const who =
      t.auth === 'basic'
        ? `user "${t.user}"`
        : t.auth === 'sigv4'
          ? 'the AWS identity'
          : 'an anonymous caller';
    const action = reason ? ` (missing ${reason})` : '';
    const fix =
      t.auth === 'sigv4'
        ? "allow it in the domain's access policy and map the IAM role as a backend role"
        : 'map the user to a role that allows it (security plugin roles mapping)';
    return `${where} forbids ${who}${what ? ` to ${what}` : ''}${action} (403): ${fix}`;
  }
  return undefined;
}

/**
 * The one-line explanation, or undefined when the error is not about the connection (a 400, a 404, a 409:
 * those are the command's business).
 */
export function explainConnectionError(
  error: unknown,
  target: TargetInfo,
  what?: string
): ConnectionFailure | undefined {
  if (error instanceof ConnectionFailure) return error;
  const f = readFailure(error);
  const message = f.status === undefined ? socketProblem(f, target) : authProblem(f, target, what);
  return message ? new ConnectionFailure(message) : undefined;
}
