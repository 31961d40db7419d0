/**
 * The `claimdesk` command: the same service the window uses, on a desk file.
 * Every command prints for people by default and JSON with --json; the exit
 * code is non-zero when anything asked for failed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DeskService } from '../core/service';
import { DeskError } from '../shared/errors';
import { isReadOnlyFailure, readOnlyMessage } from '../core/db/read-only';
import type { ImportReport } from '../shared/views';
import * as Q from '../core/desk/queries';
import { conflictsJson } from './json';
import { maxOf } from '../shared/extremes';
import { checkJson, checkText, DRAFT_FORMATS, exportDraft, markDraft } from './draft-commands';
import { CONFLICT_STATUSES, type ConflictStatus } from '../shared/model';
import { parseInput } from '../shared/contract';
import { latestClaims } from '../core/versions/latest-claims';
import { rightClusterOfDetail } from '../shared/value-clusters';

const HELP = `claimdesk — line up what articles claim and flag where they disagree

Usage:
  claimdesk import    --desk FILE PATH|URL...    import files, folders (.txt .md .html .docx .pdf) and web pages
                      [--progress]  print each step to stderr as it starts
  claimdesk articles  --desk FILE [--json]       list the desk's articles
  claimdesk claims    --desk FILE [--json] [--article ID]
  claimdesk article   --desk FILE --article ID [--title T] [--outlet O] [--author A] [--date YYYY-MM-DD] [--url URL]
                      correct an article's details ("" clears one); undoable like any editor action
  claimdesk entities  --desk FILE [--json]       people, organisations, places and their aliases
  claimdesk facts     --desk FILE [--json]       claims grouped into facts
  claimdesk conflicts --desk FILE [--json]       where the articles disagree
  claimdesk detect    --desk FILE                re-run matching and conflict detection
  claimdesk extract   --desk FILE [--article ID] re-run claim extraction (keeps editor decisions)
  claimdesk eval      --desk FILE --gold FILE    score the desk against a gold file
  claimdesk eval      --stories DIR [--stories DIR...] [--verbose] [--json]
                      score every story folder (articles + gold.json) on its own fresh desk
  claimdesk review    --desk FILE --conflict ID --status confirmed|dismissed|resolved
                      [--correct CLAIM_ID|neither] [--note TEXT] [--reason TEXT] [--editor NAME]
                      [--evidence "URL — what it is"]...  (repeat for each item; http(s) addresses only)
  claimdesk export    --desk FILE --format md|html|pdf|csv|csv-conflicts|webanno|claimreview|backup --out PATH
                      [--include-dismissed] [--article ID] [--editor NAME]
                      notes (md, html, pdf): [--hide-dismissed] [--statuses confirmed,resolved,...] [--no-appendix]
  claimdesk draft     --desk FILE --article ID [--unmark]   mark an article as a draft under review (or unmark it)
  claimdesk draft     --desk FILE                 list the desk's drafts
  claimdesk check     --desk FILE --draft ID [--json]       every claim of a draft: supported, contradicted or unverified
  claimdesk export    --desk FILE --format docx|memo-md|memo-html --article DRAFT_ID [--out PATH]
                      a draft back to the writer: DOCX with a comment per claim needing attention, or a fact-check memo
  claimdesk settings  --desk FILE [--editor NAME] [--newsroom-url URL] [--newsroom-name NAME] [--json]
                      the desk's settings; ClaimReview is published under the newsroom address.
                      --editor only suggests a name to people opening the desk: each decision is
                      signed by its own command's --editor, or the system user name
  claimdesk versions  --desk FILE --article ID [--json] [--link-to ID | --unlink]
                      an article's versions, what changed between them, claims left without a place
  claimdesk restore   --backup FILE --desk NEW
  claimdesk bench     [--articles N] [--out FILE] [--keep DIR]  benchmark at newsroom scale
  claimdesk faults    kill [--articles 2000] [--kills 10] [--seed N] [--keep DIR]
                      kill imports at random moments, re-run each, compare with a clean import
  claimdesk faults    writers [--articles 500] [--decisions 500] [--keep DIR]
                      import from the command line while the browser mode records decisions
  claimdesk faults    hostile
                      the browser mode's answers (desk requests, Cancel) while it reads hostile files

Options:
  --help, -h   show this help
`;

export class UsageError extends Error {}

function die(message: string, code = 2): never {
  console.error(`claimdesk: ${message}`);
  process.exit(code);
}

/** The desk named by --desk; `actor` signs this command's history entries (its --editor). */
function needDesk(values: { desk?: string | undefined }, mustExist = true, actor?: string): DeskService {
  if (!values.desk) throw new UsageError('--desk FILE is required.');
  if (mustExist && !existsSync(values.desk)) throw new DeskError('not_found', `No desk at ${values.desk}.`);
  const service = new DeskService({
    defaultActor: process.env.USER ?? 'editor',
    ...(actor ? { actor } : {}),
  });
  service.open(values.desk, !mustExist);
  return service;
}

function intArg(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${name} must be a positive whole number, not "${v}".`);
  return n;
}

/**
 * A file name or message as one printed line: control characters (a newline in a file
 * name could fake a report line) are shown escaped, as JSON writes them.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point.
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function table(cells: string[][]): string {
  const rows = cells.map((r) => r.map(oneLine));
  const widths = rows[0]!.map((_, i) => Math.min(60, maxOf(rows.map((r) => (r[i] ?? '').length))));
  return rows
    .map((r) =>
      r
        .map((c, i) => (c.length > 60 ? `${c.slice(0, 59)}…` : c).padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** "confirmed,resolved" → the statuses, or a usage error naming the unknown one. */
function statusList(arg: string): ConflictStatus[] {
  const list = arg
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s);
  for (const s of list)
    if (!(CONFLICT_STATUSES as readonly string[]).includes(s))
      throw new UsageError(`unknown status "${s}" in --statuses; use ${CONFLICT_STATUSES.join(', ')}.`);
  if (list.length === 0) throw new UsageError('--statuses needs at least one status.');
  return list as ConflictStatus[];
}

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      desk: { type: 'string' },
      json: { type: 'boolean' },
      article: { type: 'string' },
      gold: { type: 'string' },
      conflict: { type: 'string' },
      status: { type: 'string' },
      correct: { type: 'string' },
      note: { type: 'string' },
      reason: { type: 'string' },
      evidence: { type: 'string', multiple: true },
      'hide-dismissed': { type: 'boolean' },
      statuses: { type: 'string' },
      'no-appendix': { type: 'boolean' },
      'newsroom-url': { type: 'string' },
      title: { type: 'string' },
      outlet: { type: 'string' },
      author: { type: 'string' },
      date: { type: 'string' },
      url: { type: 'string' },
      'newsroom-name': { type: 'string' },
      editor: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      backup: { type: 'string' },
      articles: { type: 'string' },
      keep: { type: 'string' },
      stories: { type: 'string', multiple: true },
      verbose: { type: 'boolean' },
      'include-dismissed': { type: 'boolean' },
      draft: { type: 'string' },
      unmark: { type: 'boolean' },
      'link-to': { type: 'string' },
      unlink: { type: 'boolean' },
      progress: { type: 'boolean' },
      kills: { type: 'string' },
      decisions: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  switch (command) {
    case 'import': {
      if (positionals.length === 0) throw new UsageError('import needs at least one file or folder.');
      const service = needDesk(values, false);
      if (values.progress)
        service.onEvent((event, payload) => {
          if (event !== 'progress') return;
          const p = payload as { job: string; done: number; total: number; label: string };
          console.error(`progress ${p.job} ${p.done}/${p.total} ${JSON.stringify(p.label)}`);
        });
      const urls = positionals.filter((p) => /^https?:\/\//i.test(p));
      const paths = positionals.filter((p) => !/^https?:\/\//i.test(p));
      const fromFiles = paths.length
        ? await service.importPaths(paths)
        : { imported: [], duplicates: [], failed: [] };
      const fromWeb = urls.length
        ? await service.importUrls(urls)
        : { imported: [], duplicates: [], failed: [] };
      const report = {
        imported: [...fromFiles.imported, ...fromWeb.imported],
        duplicates: [...fromFiles.duplicates, ...fromWeb.duplicates],
        failed: [...fromFiles.failed, ...fromWeb.failed],
        ...(fromFiles.resumedDetection ? { resumedDetection: true } : {}),
        ...((fromWeb as ImportReport).leftOut || fromFiles.leftOut
          ? { leftOut: (fromWeb as ImportReport).leftOut ?? fromFiles.leftOut }
          : {}),
      };
      if (values.json) console.log(JSON.stringify(report, null, 2));
      else {
        for (const a of report.imported)
          console.log(
            `imported   ${oneLine(a.source)}  "${oneLine(a.title)}"  (${a.claimCount} claims${a.invisible ? `; ${a.invisible} invisible characters removed` : ''})`,
          );
        for (const a of report.imported.filter((x) => x.revision))
          console.log(
            `revision   ${oneLine(a.source)}  ${a.revision!.articleId === a.id ? `version ${a.revision!.version} of article ${a.revision!.previousId}` : `an earlier version of article ${a.revision!.articleId}`}: ${a.revision!.carried} claims carried, ${a.revision!.changed} changed, ${a.revision!.orphans} orphans${a.revision!.reopened.length ? `; reopened conflict ${a.revision!.reopened.join(', ')}` : ''}`,
          );
        for (const d of report.duplicates)
          console.log(
            `duplicate  ${oneLine(d.source)}  same text as article ${d.existingId} "${oneLine(d.title)}"`,
          );
        for (const f of report.failed) console.log(`FAILED     ${oneLine(f.source)}  ${oneLine(f.reason)}`);
        for (const c of report.leftOut ?? [])
          console.log(
            `LEFT OUT   claim ${c.claimId} of article ${c.articleId} "${oneLine(c.article)}": ${oneLine(c.reason)}`,
          );
        if (report.resumedDetection)
          console.log('An earlier import stopped before matching its articles; matching was completed now.');
        const info = service.info();
        console.log(
          `${report.imported.length} imported, ${report.duplicates.length} duplicate, ${report.failed.length} failed; the desk holds ${info.articleCount} articles, ${info.claimCount} claims, ${info.conflictCount} conflicts.`,
        );
      }
      service.close();
      return report.failed.length > 0 ? 1 : 0;
    }
    case 'articles': {
      const service = needDesk(values);
      const list = Q.articleSummaries(service.database).map((a) => ({
        id: a.id,
        title: a.title,
        outlet: a.outlet,
        publishedAt: a.publishedAt,
        source: a.source,
        claimCount: a.claimCount,
      }));
      if (values.json) console.log(JSON.stringify({ articles: list }, null, 2));
      else
        console.log(
          table([
            ['id', 'date', 'outlet', 'claims', 'source', 'title'],
            ...list.map((a) => [
              String(a.id),
              a.publishedAt ?? '—',
              a.outlet ?? '—',
              String(a.claimCount),
              a.source,
              a.title,
            ]),
          ]),
        );
      service.close();
      return 0;
    }
    case 'claims': {
      const service = needDesk(values);
      const db = service.database;
      const articleId = intArg(values.article, '--article');
      const sources = new Map(Q.articleSummaries(db).map((a) => [a.id, a]));
      const claims = latestClaims(db, articleId !== undefined ? { articleId } : {}).map((c) => ({
        id: c.id,
        kind: c.kind,
        quote: c.quote,
        sentence: c.sentence,
        start: c.start,
        end: c.end,
        value: c.value,
        scope: c.scope,
        entities: c.entities,
        boilerplate: c.boilerplate,
        article: {
          id: c.articleId,
          title: sources.get(c.articleId)!.title,
          source: sources.get(c.articleId)!.source,
        },
      }));
      if (values.json) console.log(JSON.stringify({ claims }, null, 2));
      else
        console.log(
          table([
            ['id', 'article', 'kind', 'value', 'quote'],
            ...claims.map((c) => [
              String(c.id),
              String(c.article.id),
              c.kind + (c.boilerplate ? '*' : ''),
              c.value.display,
              c.quote,
            ]),
          ]),
        );
      service.close();
      return 0;
    }
    case 'entities': {
      const service = needDesk(values);
      const list = Q.entityViews(service.database);
      if (values.json) console.log(JSON.stringify({ entities: list }, null, 2));
      else
        console.log(
          table([
            ['id', 'kind', 'name', 'claims', 'aliases'],
            ...list.map((e) => [String(e.id), e.kind, e.name, String(e.claimCount), e.aliases.join(' | ')]),
          ]),
        );
      service.close();
      return 0;
    }
    case 'facts': {
      const service = needDesk(values);
      const list = Q.factViews(service.database);
      if (values.json) console.log(JSON.stringify({ facts: list }, null, 2));
      else
        console.log(
          table([
            ['id', 'claims', 'articles', 'conflicts', 'label'],
            ...list.map((f) => [
              String(f.id),
              String(f.claimCount),
              String(f.articleCount),
              String(f.conflictCount),
              f.label,
            ]),
          ]),
        );
      service.close();
      return 0;
    }
    case 'conflicts': {
      const service = needDesk(values);
      const list = conflictsJson(service.database);
      if (values.json) console.log(JSON.stringify({ conflicts: list }, null, 2));
      else {
        for (const k of list) {
          console.log(`#${k.id} ${k.kind} [${k.status}] ${k.fact?.label ?? ''}`);
          console.log(`   ${k.explanation}`);
          for (const c of k.claims)
            console.log(
              oneLine(`   ${c.side}: ${c.article.source}: “${c.quote}” — ${c.sentence.trim().slice(0, 140)}`),
            );
        }
        console.log(`${list.length} conflicts.`);
      }
      service.close();
      return 0;
    }
    case 'detect': {
      const service = needDesk(values);
      const r = await service.detect();
      for (const c of r.leftOut ?? [])
        console.log(
          `LEFT OUT   claim ${c.claimId} of article ${c.articleId} "${oneLine(c.article)}": ${oneLine(c.reason)}`,
        );
      console.log(`${r.facts} facts, ${r.conflicts} conflicts (${r.added} new).`);
      service.close();
      return 0;
    }
    case 'extract': {
      const service = needDesk(values);
      const r = await service.reextract(intArg(values.article, '--article'));
      console.log(`Re-extracted ${r.articles} articles: ${r.claims} claims.`);
      service.close();
      return 0;
    }
    case 'eval': {
      if (values.stories) {
        const { evaluateStories, findStories, formatStoriesTable } = await import('./eval');
        const { scores, total } = await evaluateStories(findStories(values.stories), (file) => {
          const service = new DeskService({ defaultActor: 'eval' });
          service.open(file, true);
          return service;
        });
        if (values.json) {
          console.log(
            JSON.stringify(
              {
                stories: scores.map((s) => ({ story: s.story.name, articles: s.articles, ...s.result })),
                total,
              },
              null,
              2,
            ),
          );
        } else {
          if (values.verbose) {
            const { formatEvalTable } = await import('../core/match/eval');
            for (const s of scores) console.log(`== ${s.story.name}\n${formatEvalTable(s.result)}\n`);
          }
          console.log(formatStoriesTable(scores, total));
        }
        return total.violations > 0 ? 1 : 0;
      }
      if (!values.gold) throw new UsageError('eval needs --gold FILE (or --stories DIR).');
      const service = needDesk(values);
      const { evaluateDesk } = await import('./eval');
      const { text, failed } = evaluateDesk(
        service.database,
        JSON.parse(readFileSync(values.gold, 'utf8')) as unknown,
      );
      console.log(text);
      service.close();
      return failed ? 1 : 0;
    }
    case 'review': {
      // --editor names who decided, for this command only: the desk's editor stays as set.
      const service = needDesk(values, true, values.editor);
      const id = intArg(values.conflict, '--conflict');
      if (id === undefined) throw new UsageError('review needs --conflict ID.');
      const status = values.status;
      if (status === 'resolved') {
        if (!values.correct)
          throw new UsageError('--status resolved needs --correct CLAIM_ID or --correct neither.');
        const correct = values.correct === 'neither' ? null : intArg(values.correct, '--correct')!;
        const d = service.resolveConflict({
          id,
          correctClaimId: correct,
          ...(values.evidence ? { evidence: values.evidence.join('\n') } : {}),
          note: values.note,
        });
        const right = rightClusterOfDetail(d);
        console.log(
          `Conflict ${d.id} resolved: ${right ? `the right value is “${right.display}” (${right.outlets.join(', ')})` : 'none of the values is right'}.`,
        );
      } else if (status === 'confirmed' || status === 'dismissed' || status === 'open') {
        const d = service.setConflictStatus({
          id,
          status,
          reason: values.reason ?? (status === 'dismissed' ? values.note : undefined),
          note: values.note,
        });
        console.log(`Conflict ${d.id} ${d.status}.`);
      } else throw new UsageError('--status must be confirmed, dismissed or resolved.');
      service.close();
      return 0;
    }
    case 'draft': {
      const service = needDesk(values);
      const articleId = intArg(values.article, '--article');
      if (articleId === undefined) {
        const drafts = await service.handlers()['drafts:list']({});
        if (values.json) console.log(JSON.stringify({ drafts }, null, 2));
        else if (drafts.length === 0) console.log('No drafts on this desk.');
        else
          console.log(
            table([['id', 'marked by', 'title'], ...drafts.map((d) => [String(d.id), d.markedBy, d.title])]),
          );
      } else console.log(await markDraft(service, articleId, !values.unmark));
      service.close();
      return 0;
    }
    case 'check': {
      const service = needDesk(values);
      const id = intArg(values.draft, '--draft');
      if (id === undefined) throw new UsageError('check needs --draft ID (see claimdesk draft --desk FILE).');
      const check = await service.handlers()['drafts:check']({ id });
      console.log(values.json ? JSON.stringify(checkJson(check), null, 2) : checkText(check));
      service.close();
      return 0;
    }
    case 'export': {
      const draftFormat = values.format ? DRAFT_FORMATS[values.format] : undefined;
      if (draftFormat) {
        const articleId = intArg(values.article, '--article');
        if (articleId === undefined)
          throw new UsageError(`export --format ${values.format} needs --article DRAFT_ID.`);
        const service = needDesk(values);
        const path = await exportDraft(service, articleId, draftFormat, values.out);
        console.log(`Wrote ${path}.`);
        service.close();
        return 0;
      }
      if (!values.format || !values.out) throw new UsageError('export needs --format and --out.');
      const formats: Record<string, string> = {
        md: 'md',
        html: 'html',
        pdf: 'pdf',
        csv: 'csv-claims',
        'csv-claims': 'csv-claims',
        'csv-conflicts': 'csv-conflicts',
        webanno: 'webanno',
        claimreview: 'claimreview',
        backup: 'backup',
      };
      const format = formats[values.format];
      if (!format)
        throw new UsageError(
          `unknown format "${values.format}"; use md, html, pdf, csv, csv-conflicts, webanno, claimreview or backup.`,
        );
      // The notes say who made them: --editor, or the system user.
      const service = needDesk(values, true, values.editor);
      const articleId = intArg(values.article, '--article');
      const file = await service.handlers()['export:run']({
        format: format as 'md',
        scope: articleId ? 'article' : 'desk',
        ...(articleId ? { articleIds: [articleId] } : {}),
        includeDismissed: values['include-dismissed'] ?? false,
        ...(values['hide-dismissed'] ? { hideDismissed: true } : {}),
        ...(values['no-appendix'] ? { appendix: false } : {}),
        ...(values.statuses ? { statuses: statusList(values.statuses) } : {}),
      });
      writeFileSync(values.out, file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : file.data);
      console.log(`Wrote ${values.out} (${file.mime}).`);
      // What the file lacks (ClaimReview: articles with no date or outlet), with the fix.
      if (file.warnings?.length)
        console.error([`${values.out} is written, but:`, ...file.warnings.map((w) => `  - ${w}`)].join('\n'));
      service.close();
      return 0;
    }
    case 'article': {
      const service = needDesk(values, true, values.editor);
      const id = intArg(values.article, '--article');
      if (id === undefined) throw new UsageError('article needs --article ID.');
      const input = {
        id,
        ...(values.title !== undefined ? { title: values.title } : {}),
        ...(values.outlet !== undefined ? { outlet: values.outlet } : {}),
        ...(values.author !== undefined ? { author: values.author } : {}),
        ...(values.date !== undefined ? { publishedAt: values.date } : {}),
        ...(values.url !== undefined ? { url: values.url } : {}),
      };
      const handlers = service.handlers();
      const a = await handlers['articles:update'](parseInput('articles:update', input));
      const detail = await handlers['articles:get']({ id });
      if (values.json) console.log(JSON.stringify({ ...a, author: detail.author, url: detail.url }, null, 2));
      else
        console.log(
          [
            `article  ${a.id}`,
            `title    ${a.title}`,
            `outlet   ${a.outlet ?? 'unknown'}`,
            `author   ${detail.author ?? '—'}`,
            `date     ${a.publishedAt ?? 'undated'}`,
            `url      ${detail.url ?? '—'}`,
          ].join('\n'),
        );
      service.close();
      return 0;
    }
    case 'settings': {
      const service = needDesk(values);
      const input = {
        ...(values.editor ? { editorName: values.editor } : {}),
        ...(values['newsroom-url'] !== undefined ? { newsroomUrl: values['newsroom-url'] } : {}),
        ...(values['newsroom-name'] !== undefined ? { newsroomName: values['newsroom-name'] } : {}),
      };
      const settings = await service.handlers()['settings:set'](parseInput('settings:set', input));
      if (values.json) console.log(JSON.stringify(settings, null, 2));
      else
        console.log(
          [
            `editor         ${settings.editorName ? `${settings.editorName} (suggested, not used to sign)` : '—'}`,
            `newsroom url   ${settings.newsroomUrl ?? '— (needed for ClaimReview)'}`,
            `newsroom name  ${settings.newsroomName ?? '—'}`,
          ].join('\n'),
        );
      service.close();
      return 0;
    }
    case 'versions': {
      const article = intArg(values.article, '--article');
      if (article === undefined) throw new UsageError('versions needs --article ID.');
      const service = needDesk(values);
      const { versionsCommand } = await import('./versions');
      const code = await versionsCommand(service, {
        article,
        json: values.json === true,
        linkTo: intArg(values['link-to'], '--link-to'),
        unlink: values.unlink === true,
      });
      service.close();
      return code;
    }
    case 'restore': {
      if (!values.backup || !values.desk) throw new UsageError('restore needs --backup FILE and --desk NEW.');
      const { restoreBackupFile } = await import('../core/desk/export-run');
      restoreBackupFile(values.backup, values.desk);
      console.log(`Restored ${basename(values.backup)} into ${values.desk}.`);
      return 0;
    }
    case 'bench': {
      const { runBench } = await import('./bench');
      return runBench({
        articles: intArg(values.articles, '--articles'),
        out: values.out,
        keep: values.keep,
      });
    }
    case 'faults': {
      const { runFaults } = await import('./faults');
      return runFaults(positionals[0], {
        articles: intArg(values.articles, '--articles'),
        kills: intArg(values.kills, '--kills'),
        decisions: intArg(values.decisions, '--decisions'),
        seed: intArg(values.seed, '--seed'),
        keep: values.keep,
      });
    }
    default:
      throw new UsageError(`unknown command "${command}". Run claimdesk --help.`);
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (err) {
    if (err instanceof UsageError) die(err.message, 2);
    if (err instanceof DeskError) die(err.message, 1);
    if (isReadOnlyFailure(err)) die(readOnlyMessage(), 1);
    if (
      err instanceof TypeError &&
      'code' in err &&
      String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')
    )
      die(`${err.message}. Run claimdesk --help.`, 2);
    throw err;
  }
}

if (process.argv[1] && /cli[/\\]main\.ts$/.test(process.argv[1])) void main();
