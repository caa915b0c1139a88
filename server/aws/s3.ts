import {
  GetObjectCommand,
  NoSuchBucket,
  NoSuchKey,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type CallOptions, callAws, type ModelledKind } from './call';

export interface ObjectSummary {
  key: string;
  lastModified?: Date;
  size: number;
}

export interface ListInput {
  bucket: string;
  prefix: string;
  /** Keys sort by name; Firehose's YYYY/MM/DD/HH folders make "after this date" a StartAfter. */
  startAfter?: string;
  /** Stop after this many keys, however many exist. */
  limit: number;
}

/** The S3 calls the wiring check makes. */
export interface S3Port {
  listObjects(input: ListInput, options: CallOptions): Promise<ObjectSummary[]>;
  /** The "folders" right under a prefix (ListObjectsV2 with Delimiter "/"): which ones exist, in one call. */
  listFolders(
    bucket: string,
    prefix: string,
    limit: number,
    options: CallOptions
  ): Promise<string[]>;
  /** The object's first `maxBytes` bytes (a Range request: failed-record files can be large). */
  getObjectHead(
    bucket: string,
    key: string,
    maxBytes: number,
    options: CallOptions
  ): Promise<Uint8Array>;
}

const notFound: ModelledKind = (error) =>
  error instanceof NoSuchBucket || error instanceof NoSuchKey ? 'not_found' : undefined;

export function s3Port(client: S3Client): S3Port {
  return {
    async listFolders(bucket, prefix, limit, options) {
      return callAws(
        's3',
        'ListObjectsV2',
        options,
        async (abortSignal) => {
          const folders: string[] = [];
          const pages = paginateListObjectsV2(
            { client, pageSize: Math.min(1000, limit) },
            { Bucket: bucket, Prefix: prefix, Delimiter: '/' },
            { abortSignal }
          );
          for await (const page of pages) {
            folders.push(...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean));
            if (folders.length >= limit) break;
          }
          return folders.slice(0, limit);
        },
        notFound
      );
    },

    async listObjects(input, options) {
      return callAws(
        's3',
        'ListObjectsV2',
        options,
        async (abortSignal) => {
          const found: ObjectSummary[] = [];
          const pages = paginateListObjectsV2(
            { client, pageSize: Math.min(1000, input.limit) },
            { Bucket: input.bucket, Prefix: input.prefix, StartAfter: input.startAfter },
            { abortSignal }
          );
          for await (const page of pages) {
            for (const object of page.Contents ?? []) {
              found.push({
                key: object.Key ?? '',
                lastModified: object.LastModified,
                size: object.Size ?? 0,
              });
            }
            if (found.length >= input.limit) break;
          }
          return found.slice(0, input.limit);
        },
        notFound
      );
    },

    async getObjectHead(bucket, key, maxBytes, options) {
      return callAws(
        's3',
        'GetObject',
        options,
        async (abortSignal) => {
          const out = await client.send(
            new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${maxBytes - 1}` }),
            { abortSignal }
          );
          return out.Body ? out.Body.transformToByteArray() : new Uint8Array();
        },
        notFound
      );
    },
  };
}
