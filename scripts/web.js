// `npm run web`: builds the window when its sources are newer than the build,
// then serves the browser mode. Arguments pass through (--desk, --port).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureRendererBuilt() {
  const index = join(root, 'out/renderer/index.html');
  const stale =
    !existsSync(index) ||
    statSync(index).mtimeMs <
      Math.max(newest(join(root, 'src-renderer')), newest(join(root, 'src-main/shared')));
  if (!stale) return;
  console.log('Building the window…');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.renderer.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function serveWeb(args) {
  ensureRendererBuilt();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/server/main.ts'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (import.meta.url === `file://${process.argv[1]}`) serveWeb(process.argv.slice(2));
