/**
 * Decoding Firehose's failed-document files: JSON records, one per line or simply concatenated, possibly gzip
 * compressed, and cut wherever our Range read ended. Each record carries errorCode, errorMessage, esIndexName
 * and the original event as base64 rawData.
 */
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import type { Json } from '../../../common/validation';

export interface FailedRecord {
  errorCode?: string;
  errorMessage?: string;
  esIndexName?: string;
  esDocumentId?: string;
  attemptsMade?: number;
  arrivalTimestamp?: number;
  attemptEndingTimestamp?: number;
  rawData?: string;
}

export type FailureKind = 'mapping' | 'access' | 'capacity' | 'other';

export interface FailedGroup {
  errorCode: string;
  errorMessage: string;
  kind: FailureKind;
  count: number;
  index?: string;
  sampleKey: string;
  sampleDocument: Json;
  fix: string;
}

const SAMPLE_CHARS = 2000;

function inflate(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // A Range read cuts the gzip stream: sync flush returns what decompresses instead of throwing.
    return gunzipSync(bytes, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8');
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Top-level JSON objects in text, whatever separates them; an object cut at the end is dropped. */
export function splitJsonObjects(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (ch === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0 && start >= 0) {
        out.push(text.slice(start, i + 1));
        start = -1;
      }
    }
  }
  return out;
}

export function decodeFailedRecords(bytes: Uint8Array): FailedRecord[] {
  const records: FailedRecord[] = [];
  for (const chunk of splitJsonObjects(inflate(bytes))) {
    try {
      const value = JSON.parse(chunk) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value))
        records.push(value as FailedRecord);
    } catch {
      // Not a record (a brace inside unrelated text): skip it rather than fail the whole file.
    }
  }
  return records;
}

export function classifyFailure(code: string, message: string): FailureKind {
  const text = `${code} ${message}`;
  // A write block is a 403 too (FORBIDDEN/12/index read-only): look for capacity signs before access ones.
  if (
    /cluster_block|read[-_ ]only|disk|flood|rejected_execution|circuit_breaking|429|too many requests/i.test(
      text
    )
  )
    return 'capacity';
  if (
    /security_exception|403|AccessDenied|Forbidden|no permissions|not authorized|unauthorized/i.test(
      text
    )
  )
    return 'access';
  if (
    /mapper_parsing|illegal_argument|strict_dynamic_mapping|mapping|failed to parse|document_parsing|limit of total fields/i.test(
      text
    )
  )
    return 'mapping';
  return 'other';
}

const FIXES: Record<FailureKind, string> = {
  mapping:
    'A mapping conflict: the index maps a field differently from what the event carries (often an index created before the template). Install the pinpoint* template and repair the indices from the setup page.',
  access:
    "The domain refused Firehose's role: check the next hop (the role's es: permissions, the domain access policy, and the backend-role mapping under fine-grained access control).",
  capacity:
    'The cluster refused for capacity (write block, full disk, rejected execution): add storage or delete old daily indices, then lift the block.',
  other: 'See the error message; the sample shows the refused event.',
};

function sample(rawData: string | undefined): Json {
  if (!rawData) return null;
  const text = Buffer.from(rawData, 'base64').toString('utf8');
  try {
    const parsed = JSON.parse(text) as Json;
    return JSON.stringify(parsed).length <= SAMPLE_CHARS * 4 ? parsed : text.slice(0, SAMPLE_CHARS);
  } catch {
    return text.slice(0, SAMPLE_CHARS);
  }
}

/** Group by errorCode + errorMessage, most frequent first, keeping the first document of each as a sample. */
export function groupFailures(
  files: Array<{ key: string; records: FailedRecord[] }>
): FailedGroup[] {
  const groups = new Map<string, FailedGroup>();
  for (const file of files) {
    for (const record of file.records) {
      const errorCode = String(record.errorCode ?? 'unknown');
      const errorMessage = String(record.errorMessage ?? '').slice(0, 500);
      const id = `${errorCode}\u0000${errorMessage}`;
      const group = groups.get(id);
      if (group) {
        group.count += 1;
        continue;
      }
      const kind = classifyFailure(errorCode, errorMessage);
      groups.set(id, {
        errorCode,
        errorMessage,
        kind,
        count: 1,
        index: record.esIndexName,
        sampleKey: file.key,
        sampleDocument: sample(record.rawData),
        fix: FIXES[kind],
      });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
