import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { describe, it } from '@jest/globals';
import { AwsClientFactory } from './client_factory';

const credentials = async () => ({
  accessKeyId: 'AKIAFACTORYTEST00001',
  secretAccessKey: 'factory-secret',
});

describe('AWS client factory', () => {
  it('makes one set of clients per region and role, and keeps it', () => {
    const factory = new AwsClientFactory({ credentials });
    const a = factory.forRegion('eu-west-1');
    assert.equal(factory.forRegion('eu-west-1'), a);
    assert.notEqual(factory.forRegion('us-east-1'), a);
    assert.notEqual(factory.forRegion('eu-west-1', 'arn:aws:iam::111122223333:role/x'), a);
    factory.destroy();
    assert.notEqual(factory.forRegion('eu-west-1'), a, 'destroy() forgets the closed clients');
    factory.destroy();
  });

  it('sends to the endpoint override, per service, with path-style S3 and the given credentials', async () => {
    const seen: IncomingMessage[] = [];
    const server = createServer((req, res) => {
      seen.push(req);
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const factory = new AwsClientFactory({ credentials, endpoint: { s3: url } });
    try {
      const objects = await factory
        .forRegion('eu-west-1')
        .s3.listObjects({ bucket: 'pinpoint-failed', prefix: 'failed_', limit: 10 }, {});
      assert.deepEqual(objects, []);
      assert.match(seen[0].url ?? '', /^\/pinpoint-failed\/?\?list-type=2/);
      assert.match(String(seen[0].headers.authorization), /Credential=AKIAFACTORYTEST00001\//);
    } finally {
      factory.destroy();
      server.close();
    }
  });
});
