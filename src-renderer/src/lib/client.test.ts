import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientError, createClient, httpTransport, takeToken } from './client';

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('takeToken', () => {
  it('keeps the token from the address for reloads and removes it from the address bar', () => {
    history.replaceState(null, '', '/?token=abc123&x=1#board');
    expect(takeToken()).toBe('abc123');
    expect(window.location.search).toBe('?x=1');
    expect(window.location.hash).toBe('#board');
    // A reload has no token in the address any more, and still works.
    expect(takeToken()).toBe('abc123');
  });
});

describe('HTTP transport', () => {
  it('posts JSON with the bearer token and returns the value', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ ok: true, value: { editorName: 'Ed' } })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const client = createClient(httpTransport('t0k'));
    await expect(client['settings:get']({})).resolves.toEqual({ editorName: 'Ed' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/settings:get');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
    expect(init.body).toBe('{}');
  });

  it('throws the core’s error with its code and message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ ok: false, error: { code: 'not_found', message: 'No conflict 9.' } }),
          ),
      ),
    );
    const client = createClient(httpTransport('t'));
    const err = await client['conflicts:get']({ id: 9 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).code).toBe('not_found');
    expect((err as ClientError).message).toBe('No conflict 9.');
  });

  it('reports an unreachable core as offline', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const client = createClient(httpTransport('t'));
    const err = await client['desk:info']({}).catch((e: unknown) => e);
    expect((err as ClientError).code).toBe('offline');
  });
});
