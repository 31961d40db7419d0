/**
 * The HTTP transport's limits, over a real socket: an over-size body gets the 413
 * with its message instead of a connection reset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';

let server: RunningServer | null = null;
let dir = '';
afterEach(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(url: string, token: string, body: Buffer): Promise<{ status: number; json: unknown }> {
  return new Promise((done, fail) => {
    const req = request(
      `${url}/api/articles:import`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown }));
      },
    );
    req.on('error', fail);
    // Sent in pieces, as a browser streams a large drop.
    for (let i = 0; i < body.length; i += 1 << 20) req.write(body.subarray(i, i + (1 << 20)));
    req.end();
  });
}

describe('the HTTP server', () => {
  it('answers an over-size body with 413 and the limit, not a reset', async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-server-'));
    server = await startServer({
      dispatch: async () => ({ ok: true, value: null }),
      subscribe: () => () => undefined,
      staticDir: dir,
    });
    const big = Buffer.alloc(32 * 1024 * 1024, 'a');
    const r = await post(server.url, server.token, big);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ ok: false, error: { code: 'too_large' } });
    expect((r.json as { error: { message: string } }).error.message).toMatch(/over 30 MB/);
  });
});
