/**
 * Prints every skipped test with its reason at the end of the run, so a skip is
 * never silent (the Electron tests skip where Electron's binary is missing).
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  private skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip')?.description;
    this.skipped.push(`  skipped: ${test.titlePath().slice(1).join(' › ')} — ${reason || 'no reason given'}`);
  }

  onEnd(): void {
    if (this.skipped.length) console.log(`\nSkipped tests and why:\n${this.skipped.join('\n')}`);
  }
}
