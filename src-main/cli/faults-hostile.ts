/**
 * `claimdesk faults hostile`: the browser mode's server while it reads files meant to
 * freeze it, with the times an editor would feel.
 *
 * 1. The hostile drop (a 5 MB line without spaces, a page nested 2,000 deep, a 1 MB Word
 *    file unpacking to 1 GB, a folder holding a loop of links, two good articles) is sent
 *    in one request; while it is read a desk request is sent every 100 ms, and each
 *    answer's latency is kept. Each file's outcome is printed.
 * 2. The same drop on a fresh desk, with Cancel sent once the files are being read: how
 *    long Cancel took to answer, and how long until the import answered, stopped.
 * 3. A 19 MB register naming 800,000 years, with a good article, in one request: its
 *    outcome, the import's time, the process's peak memory, and the desk requests'
 *    latencies meanwhile.
 *
 * The speed claims are one second for the health answer and for Cancel; a line over it
 * is marked and the command returns non-zero.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DeskService } from '../core/service';
import { serveDesk } from '../server/serve-desk';
import { hostileDrop } from '../core/synth/hostile-drop';
import type { RunningServer } from '../server/server';
import type { ImportReport } from '../shared/views';

const LIMIT_MS = 1000;

interface Served {
  service: DeskService;
  server: RunningServer;
  call: <T>(method: string, input: unknown) => Promise<{ ok: boolean; value: T }>;
  close: () => Promise<void>;
}

async function serve(deskPath: string, staticDir: string): Promise<Served> {
  const service = new DeskService({ defaultActor: 'editor' });
  service.open(deskPath, true);
  const server = await serveDesk(service, {
    staticDir,
  });
  const call = async <T>(method: string, input: unknown) => {
    const res = await fetch(`${server.url}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await res.json()) as { ok: boolean; value: T };
  };
  return {
    service,
    server,
    call,
    close: async () => {
      await server.close();
      service.close();
    },
  };
}

/** Resolves when the import's progress names `label` (its batch is being read). */
function reading(service: DeskService, label: string): Promise<void> {
  return new Promise((resolve) => {
    const off = service.onEvent((event, payload) => {
      const p = payload as { job?: string; label?: string };
      if (event === 'progress' && p.job === 'import' && p.label === label) {
        off();
        resolve();
      }
    });
  });
}

/**
 * Sends a desk request every 100 ms from a worker thread until `until` settles, and returns
 * each one's latency in ms (-1 for a request that failed). The client has its own thread,
 * so a request is sent, and waits, even while the server's thread is held.
 */
async function probe(s: Served, until: Promise<unknown>): Promise<number[]> {
  const worker = new Worker(PROBE, { eval: true, workerData: { url: s.server.url, token: s.server.token } });
  const reply = new Promise<{ latencies: number[]; errors: string[] }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await until.catch(() => undefined);
  worker.postMessage('stop');
  const { latencies, errors } = await reply;
  await worker.terminate();
  for (const e of new Set(errors)) console.error(`  a desk request failed: ${e}`);
  return latencies;
}

const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => (stop = true));
(async () => {
  const latencies = [];
  const errors = [];
  while (!stop) {
    const t0 = performance.now();
    try {
      const res = await fetch(workerData.url + '/api/desk:info', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + workerData.token, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = await res.text();
      if (res.ok) latencies.push(performance.now() - t0);
      else {
        latencies.push(-1);
        errors.push(res.status + ' ' + body.slice(0, 200));
      }
    } catch (err) {
      latencies.push(-1);
      errors.push(String(err.cause?.code ?? err.message));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  parentPort.postMessage({ latencies, errors });
})();
`;

const ms = (n: number) => `${Math.round(n)} ms`;

function summary(latencies: number[]): string {
  if (latencies.length === 0) return 'no request sent (the import answered first)';
  const answered = latencies.filter((l) => l >= 0).sort((a, b) => a - b);
  const failed = latencies.length - answered.length;
  if (answered.length === 0) return `all ${failed} failed`;
  const p50 = answered[Math.floor(answered.length / 2)]!;
  return `${answered.length} answered${failed ? `, ${failed} FAILED` : ''}, median ${ms(p50)}, slowest ${ms(answered.at(-1)!)}`;
}

/** The slowest answer, or Infinity when a request failed. */
const worst = (latencies: number[]) => (latencies.some((l) => l < 0) ? Infinity : Math.max(0, ...latencies));

function outcome(report: ImportReport): string[] {
  return [
    ...report.imported.map(
      (a) => `    landed   ${a.source} (${a.claimCount} claim${a.claimCount === 1 ? '' : 's'})`,
    ),
    ...report.duplicates.map((d) => `    already  ${d.source}`),
    ...report.failed.map((f) => `    refused  ${f.source}: ${f.reason}`),
  ];
}

function register(years: number): string {
  const parts: string[] = [];
  for (let i = 0; i < years; i++) parts.push(`the harvest of ${1000 + (i % 1020)} and `);
  return `Harvest register\n\nThe register lists ${parts.join('')}the rest.\n`;
}

export async function hostileFaults(options: { log?: (line: string) => void } = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-faults-hostile-'));
  let slow = 0;
  try {
    const drop = await hostileDrop(join(dir, 'drop'));

    // 1. The drop, with desk requests throughout.
    let s = await serve(join(dir, 'drop.claimdesk'), dir);
    try {
      const under = reading(s.service, 'line.txt');
      const t0 = performance.now();
      const importing = s.call<ImportReport>('articles:import', drop.request);
      await under;
      const latencies = await probe(s, importing);
      const report = (await importing).value;
      const slowest = worst(latencies);
      if (slowest > LIMIT_MS) slow++;
      log(
        `faults hostile: one drop (a folder by path, four files by content), answered in ${ms(performance.now() - t0)}`,
      );
      for (const line of outcome(report)) log(line);
      log(
        `  desk requests while it was read: ${summary(latencies)}${slowest > LIMIT_MS ? '  OVER 1 s' : ''}`,
      );
    } finally {
      await s.close();
    }

    // 2. The same drop, cancelled once the files are being read.
    s = await serve(join(dir, 'cancel.claimdesk'), dir);
    try {
      const under = reading(s.service, 'line.txt');
      const importing = s.call<ImportReport>('articles:import', drop.request);
      await under;
      const t0 = performance.now();
      const cancel = await s.call<{ cancelled: boolean }>('import:cancel', {});
      const answered = performance.now() - t0;
      const report = (await importing).value;
      const stopped = performance.now() - t0;
      if (answered > LIMIT_MS || !cancel.value.cancelled) slow++;
      log(
        `  Cancel: answered in ${ms(answered)} (cancelled: ${cancel.value.cancelled}), the import answered ${ms(stopped)} after it, ${report.cancelled?.remaining ?? 0} files not read${answered > LIMIT_MS ? '  OVER 1 s' : ''}`,
      );
    } finally {
      await s.close();
    }

    // 3. A 19 MB register of 800,000 years beside a good article.
    s = await serve(join(dir, 'register.claimdesk'), dir);
    try {
      const text = register(800_000);
      const files = [
        { name: 'register.txt', data: text, encoding: 'utf8' },
        {
          name: 'cranes.txt',
          data: 'Harbour cranes back in service\n\nThe port authority said 14 cranes were repaired by Monday.\n',
          encoding: 'utf8',
        },
      ];
      const under = reading(s.service, 'register.txt');
      const t0 = performance.now();
      const importing = s.call<ImportReport>('articles:import', { files });
      await under;
      const latencies = await probe(s, importing);
      const report = (await importing).value;
      const seconds = (performance.now() - t0) / 1000;
      const slowest = worst(latencies);
      if (slowest > LIMIT_MS) slow++;
      log(
        `  a register of 800,000 years (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB) with a good article: answered in ${seconds.toFixed(1)} s, peak memory of the process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
      for (const line of outcome(report)) log(line);
      log(
        `  desk requests while it was read: ${summary(latencies)}${slowest > LIMIT_MS ? '  OVER 1 s' : ''}`,
      );
    } finally {
      await s.close();
    }

    // 4. A register of 150,000 years (3.6 MB, one sentence): read, stored and matched.
    s = await serve(join(dir, 'years.claimdesk'), dir);
    try {
      const text = register(150_000);
      const under = reading(s.service, 'years.txt');
      const t0 = performance.now();
      const importing = s.call<ImportReport>('articles:import', {
        files: [{ name: 'years.txt', data: text, encoding: 'utf8' }],
      });
      let matchedAt = 0;
      s.service.onEvent((event, payload) => {
        const p = payload as { job?: string; label?: string };
        if (event === 'progress' && p.job === 'detect' && p.label === 'Matching claims into facts')
          matchedAt = performance.now();
      });
      await under;
      const latencies = await probe(s, importing);
      const report = (await importing).value;
      const end = performance.now();
      const slowest = worst(latencies);
      if (slowest > LIMIT_MS) slow++;
      log(
        `  a register of 150,000 years (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB): answered in ${((end - t0) / 1000).toFixed(1)} s, of which matching and storing the facts ${matchedAt ? ((end - matchedAt) / 1000).toFixed(1) : '?'} s; peak memory of the process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      );
      for (const line of outcome(report)) log(line);
      log(
        `  desk requests while it was read and matched: ${summary(latencies)}${slowest > LIMIT_MS ? '  OVER 1 s' : ''}`,
      );
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(slow === 0 ? 'faults hostile: ok' : `faults hostile: ${slow} answer(s) over 1 s`);
  return slow === 0 ? 0 : 1;
}
