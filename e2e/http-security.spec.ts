import { test, expect } from './fixtures';

test.describe('the HTTP transport', () => {
  test('refuses a request without the token, and one with a wrong token', async ({ desk, request }) => {
    const none = await request.post(`${desk.url}/api/articles:list`, { data: {} });
    expect(none.status()).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });

    const wrong = await request.post(`${desk.url}/api/articles:list`, {
      data: {},
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status()).toBe(401);
  });

  test('answers with the token, and names unknown methods and invalid input', async ({ desk, request }) => {
    const headers = { authorization: `Bearer ${desk.token}` };
    const ok = await request.post(`${desk.url}/api/articles:list`, { data: {}, headers });
    expect(await ok.json()).toEqual({ ok: true, value: [] });

    const unknown = await request.post(`${desk.url}/api/articles:explode`, { data: {}, headers });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.message).toContain('articles:explode');

    const invalid = await request.post(`${desk.url}/api/articles:get`, { data: { id: 'seven' }, headers });
    expect(invalid.status()).toBe(400);
    expect((await invalid.json()).error.message).toMatch(/articles:get.*id/);

    const badJson = await request.post(`${desk.url}/api/articles:list`, {
      data: Buffer.from('{not json'),
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(badJson.status()).toBe(400);
    expect((await badJson.json()).error.message).toMatch(/not valid JSON/);
  });

  test('refuses requests addressed to another host name (DNS rebinding)', async ({ desk, request }) => {
    const res = await request.post(`${desk.url}/api/articles:list`, {
      data: {},
      headers: { authorization: `Bearer ${desk.token}`, host: 'evil.example:80' },
    });
    expect(res.status()).toBe(421);
  });
});
