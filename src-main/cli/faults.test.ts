/**
 * The fault commands at a size a test run can afford (the full runs are `npm run faults --
 * kill` and `npm run faults -- writers`): real child processes, real SIGKILLs, a real
 * server on a real desk file.
 */
import { describe, expect, it } from 'vitest';
import { killTrials, twoWriters } from './faults';

describe('claimdesk faults', () => {
  it('an import killed while storing a batch, while matching and while storing conflicts ends, after a plain re-run, with the counts of a clean import', async () => {
    const lines: string[] = [];
    const result = await killTrials({
      articles: 80,
      phases: ['writing', 'matching', 'detection'],
      seed: 14,
      log: (l) => lines.push(l),
    });
    const report = lines.join('\n');
    expect(result.reference.conflictCount, report).toBeGreaterThan(0);
    const [writing, matching, detection] = result.trials;
    // The kills landed where they were aimed: part of the articles stored, then all of
    // them stored with their conflicts still to find.
    expect(writing!.killed, report).toBe(true);
    expect(writing!.storedAfterKill, report).toBeLessThan(result.reference.articleCount);
    expect(matching!.killed, report).toBe(true);
    expect(matching!.storedAfterKill, report).toBe(result.reference.articleCount);
    expect(matching!.matchingPendingAfterKill, report).toBe(true);
    for (const trial of [writing!, matching!, detection!]) {
      expect(trial.after.integrity, report).toBe('ok');
      expect(trial.after.info, report).toMatchObject({
        articleCount: result.reference.articleCount,
        claimCount: result.reference.claimCount,
        conflictCount: result.reference.conflictCount,
        needsDetection: false,
      });
    }
    expect(result.failures, report).toBe(0);
    expect(report).toMatch(/3 of 3 re-runs ended with the reference counts; seed 14\./);
  }, 300_000);

  it('the command line imports while the server records decisions: nothing fails on either side and every decision stays', async () => {
    const lines: string[] = [];
    const result = await twoWriters({ articles: 40, decisions: 60, log: (l) => lines.push(l) });
    const report = lines.join('\n');
    expect(result.serverFailures, report).toEqual([]);
    expect(result.cliExit, report).toBe(0);
    expect(result.cliFailed, report).toBe(0);
    expect(result.during, report).toBeGreaterThan(0);
    expect(result.lost, report).toBe(0);
    expect(result.ok, report).toBe(true);
    expect(report).toMatch(/server: 60 of 60 decisions recorded, 0 failed/);
  }, 180_000);
});
