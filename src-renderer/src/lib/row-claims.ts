/**
 * The claims of board rows, flattened with their article, in column order: what
 * the grouping dialogs list for an editor to pick from.
 */
import type { ArticleSummary, BoardCellClaim, BoardRow } from '../../../src-main/shared/views';

export interface RowClaim {
  claim: BoardCellClaim;
  article: ArticleSummary | null;
  fact: { id: number; label: string };
}

export function rowClaims(rows: BoardRow[], articles: ArticleSummary[]): RowClaim[] {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: RowClaim[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    const ids = Object.keys(row.cells)
      .map(Number)
      .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a - b);
    for (const articleId of ids) {
      for (const claim of row.cells[articleId] ?? []) {
        if (seen.has(claim.id)) continue;
        seen.add(claim.id);
        out.push({ claim, article: byId.get(articleId) ?? null, fact: row.fact });
      }
    }
  }
  return out;
}

/** "Outlet · “quote”" — how a claim is named in a list or a label. */
export function claimName(c: RowClaim): string {
  const where = c.article ? (c.article.outlet ?? c.article.title) : 'unknown article';
  return `${where}: “${c.claim.quote}”`;
}
