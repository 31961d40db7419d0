/**
 * The editor's name belongs to the person, not the desk: each call carries the acting
 * editor's name (as the window sends it), and the history, notes and export record who
 * decided. A name stored in the desk by an older version is never used as the actor.
 */
import { resolve } from 'node:path';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from './dispatch';
import { useFreshDesk, type FreshDesk } from './test-support/fresh-desk';
import { startServer, type RunningServer } from '../server/server';
import type { Result } from '../shared/contract';
import { EDITOR_HEADER } from '../shared/editor';
import type { ConflictDetail, ExportFile, HistoryEntry } from '../shared/views';

const SEEDS = resolve(import.meta.dirname, '../../../shared/corpus/seeds');

let desk: FreshDesk;
useFreshDesk('claimdesk-identity-', (d) => (desk = d));

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function ok<T>(dispatch: Dispatch, method: string, input: unknown, editor?: string): Promise<T> {
  const r = await dispatch(method, input, editor === undefined ? undefined : { editor });
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

describe('who decided', () => {
  it('records two editors’ decisions on one desk under their own names, never the desk’s stored name', async () => {
    const { service, h } = desk;
    await service.importPaths([SEEDS]);
    // An older desk kept one editor name for everybody.
    await h['settings:set']({ editorName: 'Desk chief' });
    const dispatch = createDispatch(service.handlers(), service.actingAs);
    const [first, second] = await h['conflicts:list']({});
    expect(second).toBeDefined();

    await ok(
      dispatch,
      'conflicts:setStatus',
      { id: first!.id, status: 'confirmed', note: 'Ana checked it.' },
      'Ana Reyes',
    );
    await ok(
      dispatch,
      'conflicts:setStatus',
      { id: second!.id, status: 'dismissed', reason: 'Different years.', note: 'Not the same count.' },
      'Bruno Weiß',
    );
    // A call that names nobody (a script) acts as the system user, not as "Desk chief".
    const scripted = await ok<{ id: number }>(dispatch, 'notes:add', {
      targetType: 'conflict',
      targetId: second!.id,
      body: 'Added by a script.',
    });

    const history = await ok<HistoryEntry[]>(dispatch, 'history:list', {});
    const byTarget = new Map(
      history.filter((e) => e.targetType === 'conflict').map((e) => [e.targetId, e.actor]),
    );
    expect(byTarget.get(first!.id)).toBe('Ana Reyes');
    expect(byTarget.get(second!.id)).toBe('Bruno Weiß');
    expect(history.map((e) => e.actor)).not.toContain('Desk chief');

    const a = await ok<ConflictDetail>(dispatch, 'conflicts:get', { id: first!.id });
    const b = await ok<ConflictDetail>(dispatch, 'conflicts:get', { id: second!.id });
    expect(a.notes.map((n) => [n.body, n.editor])).toEqual([['Ana checked it.', 'Ana Reyes']]);
    expect(b.notes.map((n) => [n.id === scripted.id ? 'script' : n.body, n.editor])).toEqual(
      expect.arrayContaining([
        ['Not the same count.', 'Bruno Weiß'],
        ['script', 'tester'],
      ]),
    );

    // The source notes say who decided each conflict.
    const notes = await ok<ExportFile>(dispatch, 'export:run', { format: 'md', appendix: false });
    expect(notes.data).toContain('Ana Reyes');
    expect(notes.data).toContain('Bruno Weiß');

    // Undo is recorded under the person who undid, and the stored name is still only a suggestion.
    await ok(dispatch, 'history:undo', {}, 'Bruno Weiß');
    const after = await ok<HistoryEntry[]>(dispatch, 'history:list', {});
    expect(after.map((e) => e.actor)).not.toContain('Desk chief');
    expect((await h['settings:get']({})).editorName).toBe('Desk chief');
  });

  it('refuses a name that is not one line of text, and stores nothing', async () => {
    const { service, h } = desk;
    await service.importPaths([SEEDS]);
    const dispatch = createDispatch(service.handlers(), service.actingAs);
    const [first] = await h['conflicts:list']({});
    const r = await dispatch(
      'conflicts:setStatus',
      { id: first!.id, status: 'confirmed' },
      { editor: 'Ana\nReyes' },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/editor name must be 1 to 200 characters/);
    expect((await h['conflicts:get']({ id: first!.id })).status).toBe('suggested');
    const long = await dispatch(
      'conflicts:setStatus',
      { id: first!.id, status: 'confirmed' },
      { editor: 'x'.repeat(201) },
    );
    expect(long.ok).toBe(false);
    expect((await h['history:list']({})).filter((e) => e.targetType === 'conflict')).toEqual([]);
  });

  it('takes the name from the browser mode’s request header, any script included', async () => {
    const { service, h, dir } = desk;
    await service.importPaths([SEEDS]);
    server = await startServer({
      dispatch: createDispatch(service.handlers(), service.actingAs),
      subscribe: (l) => service.onEvent(l),
      staticDir: dir,
    });
    const [first] = await h['conflicts:list']({});
    const post = (method: string, input: unknown, editor: string): Promise<Result<unknown>> =>
      new Promise((done, fail) => {
        const req = request(
          `${server!.url}/api/${method}`,
          {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${server!.token}`,
              [EDITOR_HEADER]: editor,
            },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => done(JSON.parse(body) as Result<unknown>));
          },
        );
        req.on('error', fail);
        req.end(JSON.stringify(input));
      });
    const r = await post(
      'conflicts:setStatus',
      { id: first!.id, status: 'confirmed' },
      encodeURIComponent('Zoë Ng'),
    );
    expect(r.ok).toBe(true);
    const detail = await h['conflicts:get']({ id: first!.id });
    expect(detail.history.map((e) => e.actor)).toEqual(['Zoë Ng']);

    const bad = await post('conflicts:setStatus', { id: first!.id, status: 'dismissed' }, '%E0%A4%A');
    expect(bad.ok).toBe(false);
    expect((await h['conflicts:get']({ id: first!.id })).status).toBe('confirmed');
  });
});
