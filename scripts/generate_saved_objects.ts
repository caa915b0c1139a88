/**
 * Writes common/saved_objects/pinpoint-dashboards.ndjson from the typed definitions in common/saved_objects/.
 * Run after changing a dashboard: `npx tsx scripts/generate_saved_objects.ts`. A unit test fails while the
 * committed file differs from what this writes (`--check` does the same here, exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NDJSON_FILE_NAME, toNdjson } from '../common/saved_objects/ndjson';
import { shippedObjects } from '../server/services/dashboards/shipped_objects';

export const NDJSON_PATH = join(__dirname, '..', 'common', 'saved_objects', NDJSON_FILE_NAME);

function main(check: boolean): number {
  const objects = shippedObjects();
  const text = toNdjson(objects);
  if (check) {
    const current = readFileSync(NDJSON_PATH, 'utf8');
    if (current === text) return 0;
    process.stderr.write(
      `${NDJSON_PATH} is out of date: run npx tsx scripts/generate_saved_objects.ts\n`
    );
    return 1;
  }
  writeFileSync(NDJSON_PATH, text);
  process.stdout.write(
    `${NDJSON_PATH}: ${objects.length} objects, ${Buffer.byteLength(text)} bytes\n`
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.includes('--check'));
