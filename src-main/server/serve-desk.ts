/**
 * The browser mode's server for one open desk: the desk service's handlers behind the
 * HTTP transport, each call run as the editor it names, and the service's events on the
 * event stream. The command, the fault runs and the tests start it the same way.
 */
import { createDispatch } from '../core/dispatch';
import type { DeskService } from '../core/service';
import { startServer, type RunningServer, type ServerOptions } from './server';

export function serveDesk(
  service: DeskService,
  options: Omit<ServerOptions, 'dispatch' | 'subscribe'>,
): Promise<RunningServer> {
  return startServer({
    dispatch: createDispatch(service.handlers(), service.actingAs),
    subscribe: (l) => service.onEvent(l),
    ...options,
  });
}
