/**
 * `claimdesk versions`: an article's versions, what the outlet changed between each
 * and the next, and the claims a revision left without a place. With --link-to or
 * --unlink it links or unlinks versions by hand (recorded in the history, undoable).
 */
import type { DeskService } from '../core/service';
import type { VersionDiff } from '../shared/versions';

export async function versionsCommand(
  service: DeskService,
  opts: { article: number; json: boolean; linkTo?: number | undefined; unlink: boolean },
): Promise<number> {
  const h = service.handlers();
  if (opts.linkTo !== undefined) {
    const r = await h['versions:link']({ articleId: opts.article, toArticleId: opts.linkTo });
    if (!opts.json)
      console.log(
        `article ${r.articleId} is now version ${r.version} of article ${r.previousId}'s story: ${r.carried} claims carried, ${r.changed} changed, ${r.orphans} orphans.`,
      );
  }
  if (opts.unlink) {
    await h['versions:unlink']({ articleId: opts.article });
    if (!opts.json) console.log(`article ${opts.article} is an article of its own again.`);
  }
  const list = await h['versions:list']({ articleId: opts.article });
  const diffs: VersionDiff[] = [];
  for (let i = 1; i < list.versions.length; i++)
    diffs.push(
      await h['versions:diff']({
        fromId: list.versions[i - 1]!.articleId,
        toId: list.versions[i]!.articleId,
      }),
    );
  if (opts.json) {
    console.log(
      JSON.stringify(
        {
          ...list,
          changes: diffs.map((d) => ({
            from: d.from.articleId,
            to: d.to.articleId,
            summary: d.summary,
            headline: d.headline,
            counts: d.counts,
            claims: d.claims.filter((c) => c.status !== 'same'),
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const v of list.versions) {
    const when = [
      v.publishedAt ? `published ${v.publishedAt}` : null,
      v.updatedAt ? `updated ${v.updatedAt}` : null,
      `imported ${v.importedAt.slice(0, 16).replace('T', ' ')}`,
    ]
      .filter(Boolean)
      .join(', ');
    console.log(
      `v${v.number}  article ${v.articleId}${v.latest ? ' (latest)' : ''}  "${v.title}"  ${when}; ${v.claimCount} claims; linked by ${v.linkedBy}`,
    );
    const d = diffs.find((x) => x.to.articleId === v.articleId);
    if (!d) continue;
    console.log(`    ${d.summary}`);
    if (d.headline) console.log(`    headline: "${d.headline.from}" → "${d.headline.to}"`);
    for (const c of d.claims.filter((x) => x.status === 'changed'))
      console.log(`    changed: “${c.fromQuote}” → “${c.toQuote}”`);
  }
  if (list.orphans.length) {
    console.log(`\n${list.orphans.length} claims with no place in the next version:`);
    for (const o of list.orphans) {
      const conflicts = o.conflicts.map((k) => `conflict ${k.id} (${k.status})`).join(', ');
      console.log(
        `  claim ${o.claimId} (v${o.version}, ${o.kind}) “${o.quote}” — ${o.sentence}${conflicts ? ` [${conflicts}]` : ''}`,
      );
    }
  }
  return 0;
}
