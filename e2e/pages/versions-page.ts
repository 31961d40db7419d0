/**
 * The version view: an article's versions, what the outlet changed, the claims left
 * without a place.
 */
import type { Locator, Page } from '@playwright/test';

export class VersionsPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('version-view');
  }

  /** Opens the version history from the Reader's header. */
  async openFromReader(): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Reader' })
      .getByRole('button', { name: /versions?/i })
      .click();
  }

  get items(): Locator {
    return this.page.getByTestId('version-item');
  }

  get summary(): Locator {
    return this.page.getByTestId('version-summary');
  }

  get headline(): Locator {
    return this.page.getByTestId('version-headline');
  }

  get diff(): Locator {
    return this.page.getByTestId('version-diff');
  }

  /**
   * Each stretch of inserted (`INS`) or deleted (`DEL`) text as a reader sees it:
   * neighbouring marks of one kind (a claim inside a deleted sentence) read as one.
   */
  async stretches(tag: 'INS' | 'DEL'): Promise<string[]> {
    const html = await this.diff.innerHTML();
    const out: string[] = [];
    let open = false;
    const decode = (t: string) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    for (const m of html.matchAll(/<(ins|del|mark)\b[^>]*>([\s\S]*?)<\/\1>|<!--[\s\S]*?-->|([^<]+)/g)) {
      if (m[0].startsWith('<!--')) continue;
      if (m[1]?.toUpperCase() === tag) {
        if (open) out[out.length - 1] += decode(m[2]!);
        else out.push(decode(m[2]!));
        open = true;
      } else open = false;
    }
    return out.map((s) => s.replace(/\s+/g, ' ').trim());
  }

  /** Text the diff marks as a claim whose value changed, or as a claim left without a place. */
  async marked(kind: 'changed' | 'orphan'): Promise<string[]> {
    return (await this.diff.locator(`.${kind}`).allTextContents()).map((t) => t.trim());
  }

  get changedClaims(): Locator {
    return this.page.getByTestId('changed-claim');
  }

  get orphans(): Locator {
    return this.page.getByTestId('orphan');
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to the text' }).click();
  }
}
