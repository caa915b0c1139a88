/** What every command that talks to a cluster prints under --help, and the one warning --insecure earns. */
import type { ConnectionSettings } from './connection_flags';

export const CONNECTION_EXAMPLES = `
Connecting:
  --opensearch https://search-x.us-east-1.es.amazonaws.com --aws-sigv4     managed domain (SDK credentials)
  --opensearch https://abc.us-east-1.aoss.amazonaws.com --aws-sigv4 --service aoss   serverless
  --opensearch https://node:9200 --user admin --ca root-ca.pem             basic auth (OPENSEARCH_PASSWORD or a prompt)
  --dashboards https://dash:5601 --tenant global                           Dashboards (osd-xsrf sent for you)
Exit codes: 0 all good, 1 findings, 2 usage or connection error.
`;

export function warnInsecure(
  settings: ConnectionSettings,
  err: (s: string) => void = (s) => process.stderr.write(s)
): void {
  if (settings.tls.insecure)
    err(
      'warning: --insecure: TLS certificates are not verified; anyone on the network path can read the credentials\n'
    );
}
