/**
 * `claimdesk faults`: the desk under the faults an unlucky newsroom meets, at scale,
 * with real processes.
 *
 * `faults kill` imports a synthetic corpus once cleanly for the reference counts, then,
 * trial after trial, starts the same `claimdesk import` in a child process and SIGKILLs it
 * at a random moment of one phase (reading the first files, extracting, storing a batch,
 * matching, storing the conflicts), re-runs the plain import and compares the desk's
 * articles, claims and conflicts with the reference. The phases are found from the
 * child's `--progress` lines, so a kill aimed at matching lands in matching however
 * loaded the machine is; the moment inside the phase comes from a seeded generator, and
 * the seed is printed.
 *
 * `faults writers` imports from the command line into a desk the browser mode has open
 * while an HTTP client records editor decisions through the server: every decision and
 * every article must land (two writers wait for the lock, they do not fail), and each
 * decision must still be there at the end.
 *
 * Each prints one line per trial and returns non-zero on any mismatch or failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DeskService } from '../core/service';
import { serveDesk } from '../server/serve-desk';
import type { RunningServer } from '../server/server';
import { generateCorpus } from '../core/synth/generate';
import type { DeskInfo } from '../shared/views';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'src-main/cli/main.ts');
const CORPUS_SEED = 20261124;
const BATCH = 8;

export interface FaultOptions {
  articles?: number | undefined;
  kills?: number | undefined;
  decisions?: number | undefined;
  seed?: number | undefined;
  /** The phase of each kill, in order (by default each phase gets its share, in a seeded order). */
  phases?: Phase[];
  /** Keep the desks and the corpus in this folder. */
  keep?: string | undefined;
  /** Where the lines go (console.log by default). */
  log?: (line: string) => void;
}

export async function runFaults(kind: string | undefined, options: FaultOptions): Promise<number> {
  if (kind === 'kill') return (await killTrials(options)).failures === 0 ? 0 : 1;
  if (kind === 'writers') return (await twoWriters(options)).ok ? 0 : 1;
  if (kind === 'hostile') return (await import('./faults-hostile')).hostileFaults(options);
  console.error('claimdesk: faults needs kill, writers or hostile (see claimdesk --help).');
  return 2;
}

// ---------------------------------------------------------------- shared

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function workFolder(keep: string | undefined, prefix: string): string {
  if (!keep) return mkdtempSync(join(tmpdir(), prefix));
  const dir = resolve(keep);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function writeCorpus(folder: string, articles: number, seed: number): void {
  mkdirSync(folder, { recursive: true });
  for (const f of generateCorpus({ articles, seed }).files) writeFileSync(join(folder, f.name), f.text);
}

function removeDesk(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
}

interface DeskState {
  info: DeskInfo;
  integrity: string;
}

/** What the desk holds, read the way `claimdesk articles` opens it. */
function deskState(path: string): DeskState {
  const service = new DeskService();
  service.open(path, false);
  try {
    const rows = service.database.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    return { info: service.info(), integrity: rows.map((r) => r.integrity_check).join('; ') };
  } finally {
    service.close();
  }
}

/** One progress line of `claimdesk import --progress`, with when it arrived. */
interface Step {
  at: number;
  job: string;
  done: number;
  total: number;
  label: string;
}

interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  steps: Step[];
  output: string;
  seconds: number;
}

/**
 * Runs `claimdesk import` in a child process. `onStep` sees each progress line as it
 * arrives (with the child, to kill it); stdout and stderr are kept for the report.
 */
function importInChild(
  desk: string,
  folder: string,
  onStep?: (step: Step, child: ChildProcess) => void,
): Promise<ImportRun> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'import', '--desk', desk, ...(onStep ? ['--progress'] : []), folder],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const steps: Step[] = [];
  let output = '';
  let partial = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const m = /^progress (\w+) (\d+)\/(\d+) (.*)$/.exec(line);
      if (!m) {
        output += `${line}\n`;
        continue;
      }
      const step: Step = {
        at: (performance.now() - t0) / 1000,
        job: m[1]!,
        done: Number(m[2]),
        total: Number(m[3]),
        label: JSON.parse(m[4]!) as string,
      };
      steps.push(step);
      onStep?.(step, child);
    }
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) =>
      done({ code, signal, steps, output: output + partial, seconds: (performance.now() - t0) / 1000 }),
    );
  });
}

// ---------------------------------------------------------------- kill trials

export const PHASES = ['reading', 'extraction', 'writing', 'matching', 'detection'] as const;
export type Phase = (typeof PHASES)[number];

/** Where each phase starts and how long it lasts in the clean reference import, in seconds. */
interface Timeline {
  /** First progress line (the first batch is queued to the reader) to the first batch stored. */
  reading: number;
  /** The usual time from one batch line to the next. */
  batch: number;
  batches: number;
  /** Matching claims into facts (in memory). */
  matching: number;
  /** Storing facts and conflicts (detection's write). */
  detection: number;
}

function timeline(steps: Step[]): Timeline {
  const importSteps = steps.filter((s) => s.job === 'import' && s.label !== 'Done');
  const batchLines = importSteps.filter((s) => s.label !== 'Matching claims');
  const gaps = batchLines
    .slice(1)
    .map((s, i) => s.at - batchLines[i]!.at)
    .sort((a, b) => a - b);
  const at = (label: string, job = 'detect') => steps.find((s) => s.job === job && s.label === label)?.at;
  const matchStart = at('Matching claims into facts');
  const storeStart = at('Storing facts and conflicts');
  const end = steps.find((s) => s.job === 'detect' && s.done === 1)?.at;
  if (matchStart === undefined || storeStart === undefined || end === undefined || batchLines.length < 2)
    throw new Error('The reference import did not report its phases; is it a claimdesk import?');
  return {
    reading: batchLines[1]!.at - batchLines[0]!.at,
    batch: gaps[Math.floor(gaps.length / 2)] ?? 0,
    batches: batchLines.length,
    matching: storeStart - matchStart,
    detection: end - storeStart,
  };
}

/** When to kill: at `delay` seconds after the progress line that `anchor` accepts. */
interface KillPlan {
  phase: Phase;
  what: string;
  anchor: (s: Step) => boolean;
  delay: number;
}

function plan(phase: Phase, t: Timeline, rng: () => number): KillPlan {
  const f = rng();
  // A batch in the middle 80% of the import: not the first (that is "reading").
  const batch = 1 + Math.floor((0.1 + 0.8 * rng()) * (t.batches - 2));
  const isBatch = (s: Step) => s.job === 'import' && s.done === batch * BATCH;
  switch (phase) {
    case 'reading':
      // Before anything is stored: the reader starting and reading the first files.
      return {
        phase,
        what: 'first files',
        anchor: (s) => s.job === 'import' && s.done === 0,
        delay: f * t.reading,
      };
    case 'extraction':
      // Early in a batch's turn: the worker reads and extracts while this batch waits.
      return { phase, what: `batch ${batch}`, anchor: isBatch, delay: 0.4 * f * t.batch };
    case 'writing':
      // Late in a batch's turn, when its articles are being stored.
      return { phase, what: `batch ${batch}`, anchor: isBatch, delay: (0.4 + 0.6 * f) * t.batch };
    case 'matching':
      return {
        phase,
        what: 'claims into facts',
        anchor: (s) => s.label === 'Matching claims into facts',
        delay: f * t.matching,
      };
    case 'detection':
      return {
        phase,
        what: 'storing conflicts',
        anchor: (s) => s.label === 'Storing facts and conflicts',
        delay: f * t.detection,
      };
  }
}

export interface KillTrial {
  phase: Phase;
  killed: boolean;
  /** Articles on the desk right after the kill. */
  storedAfterKill: number;
  matchingPendingAfterKill: boolean;
  after: DeskState;
  ok: boolean;
}

export interface KillResult {
  seed: number;
  reference: DeskInfo;
  trials: KillTrial[];
  failures: number;
}

const counts = (i: DeskInfo) =>
  `${i.articleCount} articles, ${i.claimCount} claims, ${i.conflictCount} conflicts`;
const secs = (s: number) => `${s.toFixed(1)} s`;

export async function killTrials(options: FaultOptions): Promise<KillResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const articles = options.articles ?? 2000;
  const kills = options.phases?.length ?? options.kills ?? 10;
  const seed = options.seed ?? Math.floor(Math.random() * 1_000_000_000);
  const rng = mulberry32(seed);
  const dir = workFolder(options.keep, 'claimdesk-faults-');
  try {
    const folder = join(dir, 'articles');
    writeCorpus(folder, articles, CORPUS_SEED);
    log(`faults kill: ${articles} articles, ${kills} kills, seed ${seed}`);

    const referenceDesk = join(dir, 'reference.claimdesk');
    removeDesk(referenceDesk);
    const ref = await importInChild(referenceDesk, folder, () => undefined);
    if (ref.code !== 0) throw new Error(`The reference import failed (exit ${ref.code}):\n${ref.output}`);
    const t = timeline(ref.steps);
    const reference = deskState(referenceDesk).info;
    log(
      `reference: ${counts(reference)} in ${secs(ref.seconds)} (first files ${secs(t.reading)}, a batch ${secs(t.batch)}, matching ${secs(t.matching)}, storing conflicts ${secs(t.detection)})`,
    );

    // Each phase gets its share of the kills, in a seeded order.
    const phases = options.phases ?? Array.from({ length: kills }, (_, k) => PHASES[k % PHASES.length]!);
    if (!options.phases)
      for (let i = phases.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [phases[i], phases[j]] = [phases[j]!, phases[i]!];
      }

    const trials: KillTrial[] = [];
    let lastExit: number | null = null;
    for (const [k, phase] of phases.entries()) {
      const p = plan(phase, t, rng);
      const desk = join(dir, `trial-${k + 1}.claimdesk`);
      let killedAt = 0;
      let killed = false;
      // On a loaded machine a short phase can end before a timed kill lands: the trial is
      // tried again, aiming earlier in the phase each time, so the kill falls where aimed.
      for (let attempt = 0; attempt < 3 && !killed; attempt++) {
        removeDesk(desk);
        const delay = p.delay / 2 ** attempt;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const run = await importInChild(desk, folder, (step, child) => {
          if (timer || !p.anchor(step)) return;
          timer = setTimeout(() => {
            killedAt = step.at + delay;
            child.kill('SIGKILL');
          }, delay * 1000);
        });
        clearTimeout(timer);
        killed = run.signal === 'SIGKILL';
        if (!killed) lastExit = run.code;
      }
      const mid = existsSync(desk) ? deskState(desk).info : null;
      const rerun = await importInChild(desk, folder);
      const after = deskState(desk);
      const ok =
        rerun.code === 0 &&
        after.integrity === 'ok' &&
        !after.info.needsDetection &&
        after.info.articleCount === reference.articleCount &&
        after.info.claimCount === reference.claimCount &&
        after.info.conflictCount === reference.conflictCount;
      trials.push({
        phase,
        killed,
        storedAfterKill: mid?.articleCount ?? 0,
        matchingPendingAfterKill: mid?.needsDetection ?? false,
        after,
        ok,
      });
      const where = `${phase.padEnd(10)} ${p.what} +${Math.round(p.delay * 1000)} ms`;
      const moment = killed
        ? `killed at ${secs(killedAt)}: ${mid ? `${mid.articleCount} articles stored${mid.needsDetection ? ', matching pending' : mid.articleCount === reference.articleCount ? ', conflicts stored' : ''}` : 'no desk yet'}`
        : `the import ended before the kill (exit ${lastExit})`;
      log(
        `kill ${String(k + 1).padStart(2)}/${kills}  ${where.padEnd(38)} ${moment} → re-run (exit ${rerun.code}): ${counts(after.info)}, integrity ${after.integrity}  ${ok ? 'OK' : 'MISMATCH'}`,
      );
      if (!ok && rerun.output.trim()) log(rerun.output.trim().split('\n').slice(-5).join('\n'));
    }
    const failures = trials.filter((x) => !x.ok).length;
    const notKilled = trials.filter((x) => !x.killed).length;
    log(
      `${trials.length - failures} of ${trials.length} re-runs ended with the reference counts` +
        (notKilled ? ` (${notKilled} imports ended before their kill)` : '') +
        `; seed ${seed}.`,
    );
    return { seed, reference, trials, failures };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- two writers

export interface WritersResult {
  ok: boolean;
  /** Decisions the server answered with an error. */
  serverFailures: string[];
  /** Articles the command line reported as failed, and its exit code. */
  cliFailed: number;
  cliExit: number | null;
  /** Decisions recorded while the import was running. */
  during: number;
  /** Decisions whose conflict no longer shows what was decided last. */
  lost: number;
}

interface Decision {
  id: number;
  status: 'confirmed' | 'dismissed' | 'resolved';
}

export async function twoWriters(options: FaultOptions): Promise<WritersResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const articles = options.articles ?? 500;
  const decisions = options.decisions ?? 500;
  const dir = workFolder(options.keep, 'claimdesk-writers-');
  const deskPath = join(dir, 'shared.claimdesk');
  removeDesk(deskPath);
  const service = new DeskService({ defaultActor: 'editor' });
  let server: RunningServer | null = null;
  try {
    // The desk the editor has open: its own stories, with conflicts to decide.
    const base = join(dir, 'open-desk');
    writeCorpus(base, Math.max(60, Math.ceil(decisions / 2)), CORPUS_SEED + 1);
    service.open(deskPath, true);
    await service.importPaths([base]);
    const before = service.info();
    const ids = (
      service.database.prepare('SELECT id FROM conflicts ORDER BY id').all() as { id: number }[]
    ).map((r) => r.id);
    if (ids.length === 0) throw new Error('The open desk has no conflicts to decide.');
    server = await serveDesk(service, {
      staticDir: dir,
      port: 0,
    });
    const incoming = join(dir, 'incoming');
    writeCorpus(incoming, articles, CORPUS_SEED + 2);
    log(
      `faults writers: the browser mode has a desk of ${counts(before)} open; the command line imports ${articles} more while ${decisions} decisions are recorded over HTTP`,
    );

    // The decisions follow the import's progress, as an editor working through the queue
    // while it runs would: nine tenths spread over the articles being stored, the rest sent
    // once matching starts, so they meet the import's last and largest write too.
    let importing = true;
    let progress = 0;
    const cli = importInChild(deskPath, incoming, (step) => {
      if (step.job === 'import' && step.total > 0)
        progress = Math.max(progress, (0.9 * step.done) / step.total);
      if (step.job === 'detect') progress = 1;
    }).finally(() => (importing = false));
    const failures: string[] = [];
    const last = new Map<number, Decision>();
    let during = 0;
    for (let k = 0; k < decisions; k++) {
      while (importing && k / decisions > progress) await new Promise((r) => setTimeout(r, 10));
      const id = ids[k % ids.length]!;
      // Each round over the conflicts gives each one another decision than the round before.
      const status = (['confirmed', 'dismissed', 'resolved'] as const)[(Math.floor(k / ids.length) + k) % 3]!;
      const [method, body] =
        status === 'resolved'
          ? ['conflicts:resolve', { id, correctClaimId: null, note: `decision ${k + 1}: neither is right` }]
          : [
              'conflicts:setStatus',
              {
                id,
                status,
                note: `decision ${k + 1}`,
                ...(status === 'dismissed' ? { reason: 'same figure, other rounding' } : {}),
              },
            ];
      const res = await fetch(`${server.url}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const reply = (await res.json()) as { ok: boolean; error?: { message: string } };
      if (reply.ok) {
        last.set(id, { id, status });
        if (importing) during++;
      } else failures.push(`${method} ${id}: ${res.status} ${reply.error?.message ?? ''}`);
    }
    const run = await cli;
    const cliFailed = Number(/, (\d+) failed/.exec(run.output)?.[1] ?? NaN);
    const after = service.info();
    const status = service.database.prepare('SELECT status FROM conflicts WHERE id = ?');
    const lost = [...last.values()].filter(
      (d) => (status.get(d.id) as { status: string } | undefined)?.status !== d.status,
    ).length;
    const integrity = (
      service.database.prepare('PRAGMA integrity_check').get() as { integrity_check: string }
    ).integrity_check;
    const ok =
      failures.length === 0 &&
      run.code === 0 &&
      cliFailed === 0 &&
      lost === 0 &&
      integrity === 'ok' &&
      after.articleCount === before.articleCount + articles;
    for (const f of failures.slice(0, 10)) log(`  server: ${f}`);
    if (run.code !== 0 || cliFailed !== 0) log(run.output.trim().split('\n').slice(-10).join('\n'));
    log(
      `server: ${decisions - failures.length} of ${decisions} decisions recorded, ${failures.length} failed (${during} while the import ran), ${lost} not kept`,
    );
    log(
      `command line: exit ${run.code}, ${Number.isNaN(cliFailed) ? 'no report' : `${cliFailed} failed`} in ${secs(run.seconds)}; the desk holds ${counts(after)}, integrity ${integrity}  ${ok ? 'OK' : 'FAILED'}`,
    );
    return { ok, serverFailures: failures, cliFailed, cliExit: run.code, during, lost };
  } finally {
    await server?.close();
    service.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}
