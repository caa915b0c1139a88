/**
 * The host's node:http server: strips the base path, lets the page handler answer page and bundle requests,
 * hands everything else to the API route table. Never lets an exception escape as a hung request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../../server/osd_port';
import { dispatch, type DispatchDeps } from './dispatch';
import { sendError } from './send_response';

export type PageHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string
) => Promise<boolean>;

export interface HttpServerDeps extends DispatchDeps {
  basePath: string;
  handlePage?: PageHandler;
  logger: Logger;
}

export function createHostServer(deps: HttpServerDeps): Server {
  return createServer((req, res) => {
    const handle = async () => {
      const url = new URL(req.url ?? '/', 'http://dev-host.invalid');
      if (deps.basePath) {
        if (url.pathname !== deps.basePath && !url.pathname.startsWith(`${deps.basePath}/`)) {
          sendError(res, 404, 'Not Found');
          return;
        }
        url.pathname = url.pathname.slice(deps.basePath.length) || '/';
      }
      if (deps.handlePage && (await deps.handlePage(req, res, url.pathname))) return;
      await dispatch(req, res, url, deps);
    };
    handle().catch((error: unknown) => {
      deps.logger.error(error instanceof Error ? error : String(error));
      if (!res.headersSent) sendError(res, 500, 'An internal server error occurred.');
      else res.destroy();
    });
  });
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolvePort(typeof address === 'object' && address ? address.port : port);
    });
  });
}

export function close(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => resolveClose());
    server.closeAllConnections();
  });
}
