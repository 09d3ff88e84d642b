/**
 * The preview server hands out the build's outputs and its own assets, nothing else: every path-traversal form
 * is refused with 403 or 404 and reads nothing outside (serve/paths.ts, serve/server.ts). Requests are sent as
 * raw HTTP so that no client tidies the path first.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../src/pipeline/index.js';
import { type PreviewServer, resolveUnder, startPreview } from '../src/serve/index.js';

const ROOT = path.resolve(__dirname, '..');
const SECRET = 'SECRET-9f3c1e-not-for-the-browser';

/** Send one raw request; resolve with the status and the body. */
function request(port: number, target: string, opts: { method?: string; host?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    sock.setEncoding('latin1');
    sock.on('data', (c) => {
      data += c;
    });
    sock.on('error', reject);
    sock.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    sock.write(
      `${opts.method ?? 'GET'} ${target} HTTP/1.1\r\nHost: ${opts.host ?? `127.0.0.1:${port}`}\r\nConnection: close\r\n\r\n`,
    );
  });
}

describe('resolveUnder', () => {
  let root: string;
  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-paths-'));
    root = path.join(base, 'out');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'page-01.png'), 'png');
    fs.writeFileSync(path.join(root, 'sub', 'a.json'), '{}');
    fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'leak.txt'));
    fs.symlinkSync(base, path.join(root, 'up'));
    fs.symlinkSync(path.join(root, 'page-01.png'), path.join(root, 'alias.png'));
  });

  it('resolves plain names inside the folder, and symlinks that stay inside', () => {
    expect(resolveUnder(root, 'page-01.png')).toEqual({ file: fs.realpathSync(path.join(root, 'page-01.png')) });
    expect(resolveUnder(root, 'sub/a.json')).toEqual({ file: fs.realpathSync(path.join(root, 'sub', 'a.json')) });
    expect(resolveUnder(root, 'alias.png')).toEqual({ file: fs.realpathSync(path.join(root, 'page-01.png')) });
  });

  it.each([
    '../secret.txt',
    '%2e%2e/secret.txt',
    '%2E%2E%2Fsecret.txt',
    '..%2fsecret.txt',
    'sub/../../secret.txt',
    './page-01.png',
    '/etc/passwd',
    '%2Fetc%2Fpasswd',
    '/../secret.txt',
    'sub//a.json',
    '..\\secret.txt',
    '%5c..%5csecret.txt',
    'page-01.png%00.txt',
    'C:/Windows/win.ini',
    '%zz',
    'leak.txt',
    'up/secret.txt',
    '.hidden',
  ])('refuses %s with 403', (p) => {
    expect(resolveUnder(root, p)).toEqual({ status: 403 });
  });

  it('gives 404 for what is not there, and for folders', () => {
    expect(resolveUnder(root, 'page-99.png')).toEqual({ status: 404 });
    expect(resolveUnder(root, 'sub')).toEqual({ status: 404 });
  });
});

describe('the preview server', () => {
  let server: PreviewServer;
  let port: number;
  let out: string;
  beforeAll(async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-serve-'));
    const ed = path.join(base, 'edition');
    fs.cpSync(path.join(ROOT, 'seeds'), ed, { recursive: true });
    out = path.join(base, 'out');
    fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
    server = await startPreview(path.join(ed, 'edition.yaml'), { outDir: out, port: 0 });
    port = Number(new URL(server.url).port);
    // planted: links from the output folder to a file and a folder outside it
    fs.symlinkSync(path.join(base, 'secret.txt'), path.join(out, 'leak.txt'));
    fs.symlinkSync(base, path.join(out, 'up'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the view, the page image, the page PDF and the state', async () => {
    expect((await request(port, '/')).status).toBe(200);
    expect((await request(port, '/view/view.js')).status).toBe(200);
    expect((await request(port, '/out/page-01.png?v=1')).status).toBe(200);
    expect((await request(port, '/out/page-01.pdf')).body.startsWith('%PDF-')).toBe(true);
    const state = JSON.parse((await request(port, '/state')).body) as { status: string };
    expect(state.status).toBe('ready');
  });

  it.each([
    '/out/../secret.txt',
    '/out/../../etc/passwd',
    '/out/%2e%2e/secret.txt',
    '/out/%2e%2e%2fsecret.txt',
    '/out/..%2F..%2Fsecret.txt',
    '/out/%2E%2E/%2E%2E/etc/passwd',
    '/out//etc/passwd',
    '//etc/passwd',
    '/out/%2fetc%2fpasswd',
    '/out/..\\secret.txt',
    '/out/%5c..%5csecret.txt',
    '/out/leak.txt',
    '/out/up/secret.txt',
    '/out/up/edition/edition.yaml',
    '/view/../../../package.json',
    '/view/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/view/../session.ts',
    '/etc/passwd',
    '/../secret.txt',
    'http://127.0.0.1/../secret.txt',
    '/zoom/..%2f..%2fsecret.png?v=1',
  ])('refuses %s with 403 or 404 and shows nothing from outside', async (target) => {
    const r = await request(port, target);
    expect([403, 404]).toContain(r.status);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toMatch(/root:|"name": "banmian"|%PDF|paper:/);
  });

  it('answers only requests addressed to its loopback host, and only GET and HEAD', async () => {
    expect((await request(port, '/state', { host: 'attacker.example' })).status).toBe(403);
    expect((await request(port, '/state', { method: 'POST' })).status).toBe(405);
    expect((await request(port, '/state', { method: 'HEAD' })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });
});

describe('the preview on a machine that cannot build', () => {
  it('does not start into a folder holding files banmian did not write, and leaves them alone', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'banmian-serve-'));
    const mine = path.join(base, 'mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'thesis.docx'), 'precious');
    const e = await startPreview(path.join(ROOT, 'seeds', 'edition.yaml'), { outDir: mine, port: 0 }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(EnvironmentError);
    expect((e as EnvironmentError).diagnostics.map((d) => d.code)).toEqual(['output-not-ours']);
    expect(fs.readdirSync(mine)).toEqual(['thesis.docx']);
  });
});
