/**
 * core.http for the browser: fetch against the server's base path, JSON in and out, `osd-version` on every
 * request and `osd-xsrf` on the others, and on a non-2xx answer a rejection carrying the server's error body
 * (`err.body.message`), as OSD's HttpFetchError does.
 */
import type { HttpFetchError, HttpFetchOptions, HttpSetup } from '../../../public/osd_port';

export interface HostHttp extends HttpSetup {
  fetch<T = unknown>(path: string, options?: HttpFetchOptions & { method?: string }): Promise<T>;
}

function toQueryString(query: HttpFetchOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createHttpService(basePath: string, osdVersion: string): HostHttp {
  const prepend = (path: string) =>
    basePath && path.startsWith('/') ? `${basePath}${path}` : path;

  async function request<T>(
    path: string,
    options: HttpFetchOptions & { method?: string } = {}
  ): Promise<T> {
    const method = (options.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...options.headers,
      'osd-version': osdVersion,
    };
    if (method !== 'GET' && method !== 'HEAD') headers['osd-xsrf'] = 'true';
    const url = `${prepend(path)}${toQueryString(options.query)}`;
    const response = await window.fetch(url, {
      method,
      headers,
      body: options.body,
      signal: options.signal,
      credentials: 'same-origin',
    });
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    let body: unknown = text;
    if (type.includes('json') && text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    if (!response.ok) {
      const payload =
        typeof body === 'object' && body !== null ? (body as HttpFetchError['body']) : undefined;
      const error = new Error(payload?.message ?? response.statusText) as HttpFetchError & {
        request: { url: string; method: string };
      };
      error.name = 'HttpFetchError';
      error.body = payload;
      error.response = { status: response.status };
      error.request = { url, method };
      throw error;
    }
    return (text === '' ? undefined : body) as T;
  }

  return {
    basePath: { get: () => basePath, prepend },
    fetch: request,
    get: (path, options) => request(path, { ...options, method: 'GET' }),
    post: (path, options) => request(path, { ...options, method: 'POST' }),
    put: (path, options) => request(path, { ...options, method: 'PUT' }),
    delete: (path, options) => request(path, { ...options, method: 'DELETE' }),
  };
}
