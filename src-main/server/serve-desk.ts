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

/**
 * The browser mode's usual address. The window keeps the editor's name in the browser's
 * storage for its address, so serving each desk on the same port keeps the name from one
 * session to the next; a random port would make it ask again every time.
 */
export const USUAL_PORT = 47310;

/**
 * Starts on `preferred`, or, when another program holds that port, on any free one,
 * saying which and why (the name given in the browser is kept per address).
 */
export async function serveOnPreferredPort(
  start: (port: number) => Promise<RunningServer>,
  preferred: number = USUAL_PORT,
): Promise<{ server: RunningServer; note: string | null }> {
  try {
    return { server: await start(preferred), note: null };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    const server = await start(0);
    return {
      server,
      note: `Port ${preferred} is in use (another Claimdesk may be open), so this desk is served on port ${server.port}. The browser keeps your editor name per address: it may ask for it once more.`,
    };
  }
}
