/**
 * `npm run web`: the browser mode. Opens a desk (--desk, or the last one used, or
 * a new one in ~/Claimdesk) and serves the window and the contract on 127.0.0.1.
 */
import { homedir, userInfo } from 'node:os';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DeskService } from '../core/service';
import { serveDesk, serveOnPreferredPort } from './serve-desk';

export function defaultDeskPath(): string {
  return join(homedir(), 'Claimdesk', 'My desk.claimdesk');
}

/** Who acts in a call that names no editor (a script calling the API). */
function systemUser(): string {
  try {
    return userInfo().username || 'editor';
  } catch {
    return 'editor';
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      desk: { type: 'string' },
      port: { type: 'string' },
      static: { type: 'string' },
      'read-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: npm run web -- [--desk FILE] [--port N] [--read-only]');
    return;
  }
  const configDir = join(homedir(), '.config', 'claimdesk');
  const service = new DeskService({
    recentFile: join(configDir, 'recent-desks.json'),
    defaultActor: systemUser(),
  });
  const path = values.desk ?? service.recentDesks().find((p) => existsSync(p)) ?? defaultDeskPath();
  // Only the default desk's folder is made here; a --desk in a missing folder is refused
  // by name (a mistyped path should not quietly grow folders).
  if (path === defaultDeskPath()) mkdirSync(dirname(resolve(path)), { recursive: true });
  try {
    service.open(path, true, { readOnly: values['read-only'] === true });
  } catch (err) {
    console.error(`Claimdesk: ${(err as Error).message}`);
    process.exit(1);
  }
  const port = values.port ? Number(values.port) : null;
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error(`Claimdesk: --port must be a number from 0 to 65535, not ${values.port}.`);
    process.exit(1);
  }
  const staticDir = values.static ?? resolve(import.meta.dirname, '../../out/renderer');
  // Without --port, the usual port, so the browser keeps the editor's name across sessions.
  const start = (p: number) => serveDesk(service, { staticDir, port: p });
  const { server, note } =
    port !== null ? { server: await start(port), note: null } : await serveOnPreferredPort(start);
  if (note) console.log(note);
  console.log(
    `Claimdesk is serving the desk ${service.deskPath}${service.info().readOnly ? ' (opened read-only: decisions are disabled)' : ''}`,
  );
  console.log(`Open ${server.appUrl}`);
  // While the browser loads the window's code, the desk reads what the window asks first.
  service.warm();
  const stop = () => {
    void server.close().then(() => {
      service.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
