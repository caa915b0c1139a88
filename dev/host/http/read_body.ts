/**
 * Request payload parsing with hapi's defaults as OSD configures them: JSON when no content type is sent,
 * 1 MiB unless the route says `options.body.maxBytes`, `options.body.accepts` restricting the media types,
 * and hapi's own error texts (400 bad JSON, 413 too large, 415 unsupported). Multipart bodies (the saved
 * objects import) are parsed with busboy into fields and in-memory files.
 */
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface UploadedFile {
  filename: string;
  mimeType: string;
  data: Buffer;
}

export type MultipartBody = Record<string, string | UploadedFile>;

export interface BodyOptions {
  maxBytes?: number;
  accepts?: string | string[];
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `Payload content length greater than maximum allowed: ${maxBytes}`);
}

function mediaType(req: IncomingMessage): string {
  const header = req.headers['content-type'];
  if (!header) return 'application/json';
  return header.split(';')[0].trim().toLowerCase();
}

function isAccepted(type: string, accepts: string | string[] | undefined): boolean {
  if (accepts === undefined) return true;
  return ([] as string[]).concat(accepts).some((a) => a.toLowerCase() === type);
}

async function readRaw(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function readMultipart(req: IncomingMessage, maxBytes: number): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxBytes } });
    } catch (error) {
      reject(new HttpError(400, `Invalid multipart payload: ${(error as Error).message}`));
      return;
    }
    const body: MultipartBody = {};
    const pending: Array<Promise<void>> = [];
    parser.on('field', (name, value) => {
      body[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      pending.push(
        new Promise((done, fail) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('limit', () => fail(tooLarge(maxBytes)));
          stream.on('error', fail);
          stream.on('end', () => {
            body[name] = {
              filename: info.filename ?? '',
              mimeType: info.mimeType,
              data: Buffer.concat(chunks),
            };
            done();
          });
        })
      );
    });
    parser.on('error', (error: Error) =>
      reject(new HttpError(400, `Invalid multipart payload: ${error.message}`))
    );
    parser.on('close', () => {
      Promise.all(pending).then(() => resolve(body), reject);
    });
    req.pipe(parser);
  });
}

export async function readBody(req: IncomingMessage, options: BodyOptions = {}): Promise<unknown> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const type = mediaType(req);
  if (!isAccepted(type, options.accepts)) throw new HttpError(415, 'Unsupported Media Type');
  if (type === 'multipart/form-data') return readMultipart(req, maxBytes);
  const raw = await readRaw(req, maxBytes);
  if (raw.length === 0) return null;
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'Invalid request payload JSON format');
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  if (type.startsWith('text/')) return raw.toString('utf8');
  if (type === 'application/octet-stream') return raw;
  throw new HttpError(415, 'Unsupported Media Type');
}

/** hapi's default query parser: repeated keys become arrays. */
export function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of search) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = ([] as string[]).concat(existing, value);
  }
  return query;
}
