/**
 * The HTTP transport's limits, over a real socket: an over-size body gets the 413
 * with its message instead of a connection reset.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server';
import { DeskService } from '../core/service';
import { serveDesk } from './serve-desk';

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

  it('answers a malformed address with 400, and takes the token from the address only for the event stream', async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-server-'));
    const calls: string[] = [];
    server = await startServer({
      dispatch: async (method) => {
        calls.push(String(method));
        return { ok: true, value: null };
      },
      subscribe: () => () => undefined,
      staticDir: dir,
    });
    const auth = { authorization: `Bearer ${server.token}` };
    const bad = await fetch(`${server.url}/api/desk%E0%A4%A:info`, { method: 'POST', headers: auth });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/malformed %-escape/) },
    });
    expect((await fetch(`${server.url}/notes%E0%A4%A.html`)).status).toBe(400);

    const inQuery = await fetch(`${server.url}/api/desk:info?token=${server.token}`, { method: 'POST' });
    expect(inQuery.status).toBe(401);
    expect((await fetch(`${server.url}/api/desk:info`, { method: 'POST', headers: auth })).status).toBe(200);
    expect(calls).toEqual(['desk:info']);

    const events = new AbortController();
    const stream = await fetch(`${server.url}/api/events?token=${server.token}`, { signal: events.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    events.abort();
  });
});

describe('the HTTP server during an import of hostile files', () => {
  function call(url: string, token: string, method: string, input: unknown): Promise<unknown> {
    return new Promise((done, fail) => {
      const req = request(
        `${url}/api/${method}`,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => done(JSON.parse(text) as unknown));
        },
      );
      req.on('error', fail);
      req.end(JSON.stringify(input));
    });
  }

  it('keeps answering, names each bad file with its reason, lands the good ones, and cancels at once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-server-'));
    const service = new DeskService({ defaultActor: 'tester', reader: { baseMs: 3000, perMbMs: 0 } });
    service.open(join(dir, 'desk.claimdesk'));
    server = await serveDesk(service, {
      staticDir: dir,
    });
    const { url, token } = server;
    const file = (name: string, data: Buffer) => ({
      name,
      data: data.toString('base64'),
      encoding: 'base64',
    });
    const deep = `<html><head><title>Deep page</title></head><body>${'<div>'.repeat(2000)}<p>Crews said 40 homes were cleared.</p>${'</div>'.repeat(2000)}</body></html>`;
    const bomb = Buffer.concat([Buffer.from('PK\u0005\u0006'), Buffer.alloc(18)]);
    bomb.writeUInt16LE(1, 10);
    const files = [
      file('a-dump.txt', Buffer.from('the index rose 12% to 3 points '.repeat(100_000))),
      file('b-deep.html', Buffer.from(deep)),
      file('c-empty-zip.docx', bomb),
      file(
        'd-story.txt',
        Buffer.from('Ferry back in service\n\nThe operator said 14 crossings ran on Monday.\n'),
      ),
    ];
    let done = false;
    const importing = call(url, token, 'articles:import', { files }).then((r) => {
      done = true;
      return r as {
        ok: true;
        value: { imported: { source: string }[]; failed: { source: string; reason: string }[] };
      };
    });
    await new Promise((r) => setTimeout(r, 500));
    const info = (await call(url, token, 'desk:info', {})) as { ok: boolean };
    expect(info.ok).toBe(true);
    expect(done).toBe(false);
    const report = (await importing).value;
    expect(report.imported.map((a) => a.source)).toEqual(['b-deep.html', 'd-story.txt']);
    expect(report.failed.map((f) => f.source)).toEqual(['a-dump.txt', 'c-empty-zip.docx']);
    expect(report.failed[0]!.reason).toBe('a-dump.txt took longer than 3 s to read; it was skipped.');
    expect(report.failed[1]!.reason).toMatch(/c-empty-zip\.docx/);

    // A slow file in hand is stopped by Cancel, not waited for.
    const slow = new DeskService({ defaultActor: 'tester', reader: { baseMs: 600_000 } });
    service.close();
    slow.open(join(dir, 'desk.claimdesk'));
    await server.close();
    server = await serveDesk(slow, {
      staticDir: dir,
    });
    const again = call(server.url, server.token, 'articles:import', { files: [files[0]] });
    await new Promise((r) => setTimeout(r, 500));
    expect(await call(server.url, server.token, 'import:cancel', {})).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await again).toMatchObject({ ok: true, value: { imported: [], cancelled: { remaining: 1 } } });
    slow.close();
  });
});

describe('npm run web', () => {
  it('refuses a desk in a folder that does not exist, naming it, and creates no folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-server-'));
    const missing = join(dir, 'no', 'such');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src-main/server/main.ts', '--desk', join(missing, 'd.claimdesk'), '--port', '0'],
      {
        cwd: resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
        env: { ...process.env, HOME: dir },
        // A server that starts anyway would serve until stopped.
        timeout: 60_000,
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `the folder ${missing} does not exist. Create it first or choose another folder.`,
    );
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});
