/**
 * Static files: the built client from its directory, `index.html` for the client's own page
 * addresses, nothing outside the directory, and the Lobby API untouched beside it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { startTestServer, tempDir, type TestServer } from './helpers';

const site = tempDir('bc-static-');
let server: TestServer;

beforeAll(async () => {
  writeFileSync(path.join(site.dir, 'index.html'), '<!doctype html><title>Backchannel</title>');
  mkdirSync(path.join(site.dir, 'assets'));
  writeFileSync(path.join(site.dir, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(path.join(site.dir, 'icon.svg'), '<svg/>');
  server = await startTestServer({ staticDir: site.dir });
});
afterAll(async () => {
  await server?.stop();
  site.remove();
});

/** A GET with the path sent as written (fetch would normalise `..`). */
function rawGet(pathname: string, accept = 'text/html'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, headers: { Accept: accept } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves the client, its assets and its page addresses', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('Backchannel');
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/icon.svg`)).headers.get('content-type')).toContain('svg');
    const page = await fetch(`${server.url}/match/abc`, { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Backchannel');
    expect((await fetch(`${server.url}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('answers 404 for missing files and never leaves its directory', async () => {
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
    for (const p of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc/passwd', '/%E0%A4%A'])
      expect((await rawGet(p, '*/*')).body).not.toContain('root:');
  });

  it('leaves the Lobby API alone', async () => {
    expect(await (await fetch(`${server.url}/games`)).json()).toEqual(['backchannel']);
    expect((await fetch(`${server.url}/games/backchannel/nope`, { headers: { Accept: 'text/html' } })).status).toBe(404);
  });
});

describe('configuration', () => {
  it('reads the environment and refuses bad values by name', () => {
    const c = readConfig({ PORT: '9000', STORAGE: 'memory', DATA_DIR: '/tmp/x', MAX_PAYLOAD_BYTES: '2048', NODE_ENV: 'production' });
    expect(c).toMatchObject({ port: 9000, storage: 'memory', dataDir: '/tmp/x', maxPayloadBytes: 2048, origins: [] });
    expect(readConfig({ STORAGE: 'flatfile' }).storage).toBe('sqlite');
    expect(readConfig({}).storage).toBe('sqlite');
    expect(readConfig({ DATABASE_URL: 'postgres://u@db/bc', REDIS_URL: 'redis://r:6379' })).toMatchObject({ storage: 'postgres', databaseUrl: 'postgres://u@db/bc', redisUrl: 'redis://r:6379' });
    expect(() => readConfig({ DATABASE_URL: 'mysql://db' })).toThrow(/DATABASE_URL/);
    expect(() => readConfig({ REDIS_URL: 'db:6379' })).toThrow(/REDIS_URL/);
    expect(readConfig({}).port).toBe(8000);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ STORAGE: 'redis' })).toThrow(/STORAGE/);
    expect(() => readConfig({ BOT_DELAY_MS: '-5' })).toThrow(/BOT_DELAY_MS/);
  });
});
