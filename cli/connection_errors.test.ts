import { describe, expect, it } from '@jest/globals';
import { explainConnectionError, type TargetInfo } from './connection_errors';

const sigv4: TargetInfo = {
  target: 'OpenSearch',
  url: 'https://search-x.us-east-1.es.amazonaws.com',
  flag: '--opensearch',
  auth: 'sigv4',
  region: 'eu-west-1',
  service: 'es',
};
const awsError = (message: string) => ({
  meta: { statusCode: 403, body: { message } },
  message: 'Response Error',
});

describe('explainConnectionError', () => {
  it('a wrong SigV4 region names --sigv4-region', () => {
    const e = explainConnectionError(
      awsError("Credential should be scoped to a valid region, not 'eu-west-1'. "),
      sigv4
    );
    expect(e?.message).toMatch(/is not in region eu-west-1: pass --sigv4-region/);
  });

  it('the wrong signing service for a collection names --service aoss', () => {
    const e = explainConnectionError(
      awsError('Credential should be scoped to correct service'),
      sigv4
    );
    expect(e?.message).toMatch(/--service aoss/);
  });

  it('unknown or expired AWS credentials say so', () => {
    expect(
      explainConnectionError(
        awsError('The security token included in the request is invalid.'),
        sigv4
      )?.message
    ).toMatch(/does not recognise the AWS credentials/);
    expect(
      explainConnectionError(
        awsError('Signature expired: 20261201T000000Z is now earlier than ...'),
        sigv4
      )?.message
    ).toMatch(/clock/);
  });

  it('an IAM identity without access is told about the access policy and backend roles', () => {
    const e = explainConnectionError(
      awsError('User: arn:aws:iam::1:user/x is not authorized to perform: es:ESHttpGet'),
      sigv4,
      'GET /'
    );
    expect(e?.message).toMatch(/access policy and map the IAM role as a backend role/);
  });

  it('no AWS credentials at all names the default chain', () => {
    expect(
      explainConnectionError(new Error('Could not load credentials from any providers'), sigv4)
        ?.message
    ).toMatch(/no AWS credentials for --aws-sigv4/);
  });

  it('a write block is not about who calls: left to the command', () => {
    const basic: TargetInfo = { ...sigv4, auth: 'basic', user: 'u' };
    const block = {
      meta: { statusCode: 403, body: { error: { type: 'cluster_block_exception' } } },
    };
    expect(explainConnectionError(block, basic)).toBeUndefined();
  });

  it('400 and 404 are the command business', () => {
    expect(explainConnectionError({ meta: { statusCode: 404 } }, sigv4)).toBeUndefined();
    expect(explainConnectionError({ meta: { statusCode: 400 } }, sigv4)).toBeUndefined();
  });
});
