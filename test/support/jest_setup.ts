/**
 * Runs before every test file. Tests that talk to OpenSearch, moto or a browser take far longer than jest's 5 s
 * default; the orchestrator bounds a whole tier instead (scripts/run_tests.ts).
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { jest } from '@jest/globals';

jest.setTimeout(10 * 60_000);

// Without credentials the AWS SDK's default chain asks the EC2 metadata service (a link-local address): a test must
// never leave the loopback, so a missing credential fails fast instead (test/conformance/loopback_only.test.ts).
process.env.AWS_EC2_METADATA_DISABLED ??= 'true';

if (typeof window !== 'undefined') {
  // jest's jsdom environment leaves out the encoders that browsers (and the validators in common/) have.
  globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;
  globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;
  // OUI's responsive helpers ask for matchMedia, which jsdom does not implement.
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}
