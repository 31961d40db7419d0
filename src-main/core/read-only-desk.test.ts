/**
 * A desk that cannot be written is read, not refused: a desk in a read-only folder or a
 * read-only desk file opens read-only, lists everything, and answers every change with
 * one clear message ("… is read-only; nothing on it can be changed …") rather than a 500
 * or "damaged". The desk file is left byte for byte as it was.
 *
 * Permissions are real: the commands run in child processes, as an unprivileged user
 * when the tests run as root (root writes through any file mode). The in-process server
 * test opens the desk read-only on purpose (`npm run web -- --read-only`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DeskService } from './service';
import { serveDesk } from '../server/serve-desk';
import type { RunningServer } from '../server/server';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = resolve(ROOT, 'resources/samples');

/** Root ignores file modes: the children run as `nobody` then, as anyone else they run as themselves. */
const asUser: SpawnOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

let dir: string;
let desk: string;

function hash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

async function makeDesk(path: string): Promise<void> {
  const s = new DeskService({ defaultActor: 'tester' });
  s.open(path);
  await s.importPaths([SAMPLES]);
  s.close();
}

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
    timeout: 60_000,
    ...asUser,
  });
}

async function call(server: { url: string; token: string }, method: string, input: unknown) {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-read-only-'));
  // The unprivileged child must reach the folder.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'archive'));
  desk = join(dir, 'archive', 'story.claimdesk');
});
afterEach(() => {
  chmodSync(join(dir, 'archive'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

const REFUSED = /is read-only; nothing on it can be changed .*Copy it to a folder you can write to/;

describe('a desk in a folder that cannot be written', () => {
  it('is listed by the command line, and a decision is refused with the read-only message', async () => {
    await makeDesk(desk);
    chmodSync(join(dir, 'archive'), 0o555);
    const before = hash(desk);

    const listed = cli(['conflicts', '--desk', desk, '--json']);
    expect(listed.stderr).not.toMatch(/damaged/);
    expect(listed.status, listed.stderr).toBe(0);
    const { conflicts } = JSON.parse(listed.stdout) as { conflicts: { id: number }[] };
    expect(conflicts.length).toBeGreaterThan(0);

    const review = cli([
      'review',
      '--desk',
      desk,
      '--conflict',
      String(conflicts[0]!.id),
      '--status',
      'confirmed',
    ]);
    expect(review.status).toBe(1);
    expect(review.stderr).toMatch(REFUSED);
    expect(review.stderr).not.toMatch(/SQLITE|at .*\.ts:/);

    const imported = cli(['import', '--desk', desk, join(SAMPLES)]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toMatch(REFUSED);

    expect(hash(desk)).toBe(before);
    expect(existsSync(`${desk}-wal`)).toBe(false);
  }, 120_000);

  it('is served by the browser mode, which reads it and refuses each change with 422 and the message', async () => {
    await makeDesk(desk);
    chmodSync(join(dir, 'archive'), 0o555);
    const before = hash(desk);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/server/main.ts', '--desk', desk, '--port', '0', '--static', dir],
      { cwd: ROOT, env: { ...process.env, HOME: dir }, ...asUser },
    );
    try {
      let out = '';
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      const appUrl = await new Promise<string>((resolveUrl, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /Open (http:\/\/\S+)/.exec(out);
          if (m) resolveUrl(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`the server stopped (${code}): ${err}`)));
      });
      expect(out).toContain('(opened read-only: decisions are disabled)');
      const url = new URL(appUrl);
      const server = { url: url.origin, token: url.searchParams.get('token')! };

      const info = await call(server, 'desk:info', {});
      expect(info.body).toMatchObject({ ok: true, value: { readOnly: true } });
      const list = await call(server, 'conflicts:list', {});
      expect(list.status).toBe(200);
      const [first] = (list.body as { value: { id: number }[] }).value;
      expect(first).toBeDefined();

      const decision = await call(server, 'conflicts:setStatus', { id: first!.id, status: 'confirmed' });
      expect(decision.status).toBe(422);
      expect(decision.body).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect((decision.body.error as { message: string }).message).toMatch(REFUSED);

      const note = await call(server, 'notes:add', {
        targetType: 'conflict',
        targetId: first!.id,
        body: 'x',
      });
      expect(note.status).toBe(422);
      expect(note.body).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect(hash(desk)).toBe(before);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});

describe('a desk file that cannot be written', () => {
  it('opens read-only from the command line: listed, and a decision is refused with the message', async () => {
    await makeDesk(desk);
    chmodSync(desk, 0o444);
    // The folder can be written: only the file is read-only.
    chmodSync(join(dir, 'archive'), 0o777);
    const before = hash(desk);
    const listed = cli(['articles', '--desk', desk, '--json']);
    expect(listed.status, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { articles: unknown[] }).articles.length).toBeGreaterThan(1);
    const { conflicts } = JSON.parse(cli(['conflicts', '--desk', desk, '--json']).stdout) as {
      conflicts: { id: number }[];
    };
    const review = cli([
      'review',
      '--desk',
      desk,
      '--conflict',
      String(conflicts[0]!.id),
      '--status',
      'dismissed',
    ]);
    expect(review.status).toBe(1);
    expect(review.stderr).toMatch(REFUSED);
    expect(hash(desk)).toBe(before);
  }, 120_000);
});

describe('a desk opened read-only, over HTTP', () => {
  let service: DeskService;
  let server: RunningServer;
  afterEach(async () => {
    await server?.close();
    service?.close();
  });

  it('shows everything, and answers every change (decision, note, undo, import, detection) with the message, not 500', async () => {
    await makeDesk(desk);
    const h0 = new DeskService({ defaultActor: 'tester' });
    h0.open(desk);
    const [c] = await h0.handlers()['conflicts:list']({});
    await h0.handlers()['conflicts:setStatus']({ id: c!.id, status: 'confirmed' });
    h0.close();
    const before = hash(desk);

    service = new DeskService({ defaultActor: 'tester' });
    service.open(desk, false, { readOnly: true });
    server = await serveDesk(service, {
      staticDir: dir,
    });
    const info = await call(server, 'desk:info', {});
    expect(info.body).toMatchObject({ ok: true, value: { readOnly: true } });
    expect((info.body.value as { articleCount: number }).articleCount).toBeGreaterThan(1);
    const detail = await call(server, 'conflicts:get', { id: c!.id });
    expect(detail.body).toMatchObject({ ok: true, value: { status: 'confirmed' } });

    const changes: [string, unknown][] = [
      ['conflicts:setStatus', { id: c!.id, status: 'dismissed' }],
      ['notes:add', { targetType: 'conflict', targetId: c!.id, body: 'Called the ministry.' }],
      ['history:undo', {}],
      [
        'articles:import',
        { files: [{ name: 'n.txt', data: 'Bridge\n\nThe bridge cost €12 million.', encoding: 'utf8' }] },
      ],
      ['conflicts:detect', {}],
    ];
    for (const [method, input] of changes) {
      const r = await call(server, method, input);
      expect(r.status, method).toBe(422);
      expect(r.body, method).toMatchObject({ ok: false, error: { code: 'read_only' } });
      expect((r.body.error as { message: string }).message, method).toMatch(REFUSED);
    }
    expect((await call(server, 'conflicts:get', { id: c!.id })).body).toMatchObject({
      value: { status: 'confirmed' },
    });
    await server.close();
    service.close();
    expect(hash(desk)).toBe(before);
  }, 120_000);
});
