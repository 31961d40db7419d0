/**
 * The browser mode serves on its usual port, so the browser keeps the editor's name for
 * that address from one session to the next; when another program holds the port it
 * serves on a free one and says so. Real servers on real sockets.
 */
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskService } from '../core/service';
import { serveDesk, serveOnPreferredPort } from './serve-desk';
import type { RunningServer } from './server';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function holdPort(): Promise<{ port: number; server: Server }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : 0, server });
    });
  });
}

function openDesk(): { service: DeskService; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-port-'));
  const service = new DeskService({ recentFile: join(dir, 'recent.json') });
  service.open(join(dir, 'd.claimdesk'), true);
  cleanup.push(() => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { service, dir };
}

async function serve({ service, dir }: { service: DeskService; dir: string }, preferred: number) {
  const started = await serveOnPreferredPort(
    (p) => serveDesk(service, { port: p, staticDir: dir }),
    preferred,
  );
  cleanup.push(() => (started.server as RunningServer).close());
  return started;
}

describe('the usual port', () => {
  it('serves on the usual port when it is free', async () => {
    const free = await holdPort();
    await new Promise((r) => free.server.close(r));
    const { server, note } = await serve(openDesk(), free.port);
    expect(server.port).toBe(free.port);
    expect(note).toBeNull();
    const info = await fetch(`${server.url}/api/desk:info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(info.status).toBe(200);
  });

  it('serves on a free port when the usual one is taken, and says why the name may be asked again', async () => {
    const taken = await holdPort();
    cleanup.push(() => new Promise<void>((r) => taken.server.close(() => r())));
    const { server, note } = await serve(openDesk(), taken.port);
    expect(server.port).not.toBe(taken.port);
    expect(note).toContain(`Port ${taken.port} is in use`);
    expect(note).toContain(`served on port ${server.port}`);
    expect(note).toContain('editor name');
    const info = await fetch(`${server.url}/api/desk:info`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}` },
    });
    expect(info.status).toBe(200);
  });
});
