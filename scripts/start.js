// `npm start`: the desktop app when Electron can run here, the browser mode otherwise.
//
// Electron's binary is fetched lazily by the electron package; where it is missing
// and cannot be fetched, we say so in one line and serve the browser mode instead.
// Electron needs better-sqlite3 built for its own ABI: we build that copy into
// .cache/electron-sqlite with @electron/rebuild and point the app at it
// (CLAIMDESK_SQLITE_BINDING), so the Node build used by the CLI and tests is never replaced.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveWeb } from './web.js';

const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules/electron');

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (existsSync(pathFile)) {
    const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(exe)) return exe;
  }
  // Try the package's own installer once (it needs the network).
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: 120_000,
  });
  if (r.status === 0 && existsSync(pathFile)) {
    const exe = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (existsSync(exe)) return exe;
  }
  return null;
}

function canStart(exe) {
  const r = spawnSync(exe, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return r.status === 0 ? r.stdout.trim() : null;
}

function electronSqlite(version) {
  const dir = join(root, '.cache/electron-sqlite', version);
  const binding = join(dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), join(dir, 'node_modules/better-sqlite3'), {
    recursive: true,
  });
  console.log(`Building the SQLite module for Electron ${version} (once)…`);
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@electron/rebuild/lib/cli.js'),
      '--version',
      version.replace(/^v/, ''),
      '--module-dir',
      dir,
      '--only',
      'better-sqlite3',
      '--force',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  return r.status === 0 && existsSync(binding) ? binding : null;
}

const exe = electronBinary();
const version = exe ? canStart(exe) : null;
if (!exe || !version) {
  console.log(
    exe
      ? 'Electron is installed but cannot start on this machine; serving the browser mode instead.'
      : "Electron's binary is not installed and could not be downloaded; serving the browser mode instead.",
  );
  serveWeb(process.argv.slice(2));
} else {
  const binding = electronSqlite(version);
  if (!binding) {
    console.log('Could not build the SQLite module for Electron; serving the browser mode instead.');
    serveWeb(process.argv.slice(2));
  } else {
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      { cwd: root, stdio: 'inherit' },
    );
    if (build.status !== 0) process.exit(build.status ?? 1);
    const child = spawn(exe, [root], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CLAIMDESK_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
