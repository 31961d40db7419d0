/**
 * The contract's methods, each mapped onto the service's features. Part of the desk service (desk-
 * service.ts), which holds the open desk and its state.
 */
import { statSync, existsSync } from 'node:fs';
import type { Handlers } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import type { ImportReport } from '../../shared/views';
import * as Q from '../desk/queries';
import { redo, undo, listHistory } from '../desk/history';
import { exportDesk } from '../desk/export-run';
import { draftHandlers } from '../draft/handlers';
import { articleVersions, linkByHand, unlinkVersion } from '../versions/desk';
import { versionDiff } from '../versions/diff';
import { latestClaims } from '../versions/latest-claims';
import { DEFAULT_SAMPLES_DIR } from './import';
import type { DeskService } from './desk-service';

/** The handler map the transports call, on parsed input. */
export function handlers(svc: DeskService): Handlers {
  return {
    'desk:info': () => svc.info(),
    'desk:open': ({ path }) => svc.open(path, false),
    'desk:create': ({ path }) => {
      if (existsSync(path) && statSync(path).size > 0)
        throw new DeskError('invalid_input', `${path} already exists; choose another name or open it.`);
      return svc.open(path, true);
    },
    'desk:recent': () => svc.recentDesks(),
    'desk:loadSample': () => svc.importPaths([svc.options.samplesDir ?? DEFAULT_SAMPLES_DIR]),
    'articles:import': async ({ paths, files }) => {
      if (!paths?.length && !files?.length)
        throw new DeskError('invalid_input', 'Nothing to import: give paths or files.');
      const a = paths?.length ? await svc.importPaths(paths) : { imported: [], duplicates: [], failed: [] };
      // Cancel during the paths stops the whole drop: the files sent with them are not read.
      const b =
        files?.length && !(a as ImportReport).cancelled
          ? await svc.importFiles(files)
          : { imported: [], duplicates: [], failed: [] };
      const stopped = (a as ImportReport).cancelled;
      const cancelled = stopped
        ? { remaining: stopped.remaining + (files?.length ?? 0) }
        : (b as ImportReport).cancelled;
      // The later run's matching is the desk's latest: its left-out claims are the ones that stand.
      const leftOut = (b as ImportReport).leftOut ?? (a as ImportReport).leftOut;
      const resumed = (a as ImportReport).resumedDetection || (b as ImportReport).resumedDetection;
      return {
        imported: [...a.imported, ...b.imported],
        duplicates: [...a.duplicates, ...b.duplicates],
        failed: [...a.failed, ...b.failed],
        ...(cancelled ? { cancelled } : {}),
        ...(resumed ? { resumedDetection: true } : {}),
        ...(leftOut ? { leftOut } : {}),
      };
    },
    'import:cancel': () => svc.cancelImport(),
    'articles:importUrl': ({ urls }) => svc.importUrls(urls),
    'articles:paste': ({ text, title }) => {
      const body =
        title?.trim() && !text.trimStart().startsWith(title.trim()) ? `${title.trim()}\n\n${text}` : text;
      return svc.importFiles([{ name: 'pasted text.txt', data: body, encoding: 'utf8' }]);
    },
    'articles:list': () => Q.articleSummaries(svc.database),
    'articles:get': ({ id }) => {
      const db = svc.database;
      const summary = Q.articleSummary(db, id);
      const row = db
        .prepare('SELECT author, url, language, format, text FROM articles WHERE id = ?')
        .get(id) as {
        author: string | null;
        url: string | null;
        language: string | null;
        format: string;
        text: string;
      };
      return {
        ...summary,
        ...row,
        passages: Q.passages(db, id),
        claims: Q.listClaims(db, { articleId: id }),
        disputes: Q.articleDisputes(db, id),
      };
    },
    'articles:delete': ({ id }) => svc.deleteArticle(id),
    'articles:update': (i) => svc.updateArticle(i),
    'claims:list': (f) => latestClaims(svc.database, f),
    'claims:add': (i) => svc.addClaim(i),
    'claims:update': (i) => svc.updateClaim(i),
    'claims:delete': ({ id }) => svc.deleteClaim(id),
    'claims:move': ({ claimId, factId }) => svc.moveClaim(claimId, factId),
    'passages:setBoilerplate': ({ id, boilerplate }) => svc.setBoilerplate(id, boilerplate),
    'entities:list': () => Q.entityViews(svc.database),
    'facts:list': () => Q.factViews(svc.database),
    'facts:merge': ({ ids }) => svc.mergeFacts(ids),
    'facts:split': ({ id, claimIds }) => svc.splitFact(id, claimIds),
    'board:page': (q) => Q.boardPage(svc.database, q),
    'conflicts:list': (f) => Q.listConflicts(svc.database, f),
    'conflicts:get': ({ id }) => Q.conflictDetail(svc.database, id),
    'conflicts:setStatus': (i) => svc.setConflictStatus(i),
    'conflicts:resolve': (i) => svc.resolveConflict(i),
    'conflicts:create': (i) => svc.createConflict(i),
    'conflicts:detect': () => svc.detect(),
    'notes:add': (i) => svc.addNote(i),
    'history:list': (i) => listHistory(svc.database, { limit: i?.limit ?? 100 }),
    'history:undo': () => svc.afterCoverageChange(svc.undoRedo(undo)),
    'history:redo': () => svc.afterCoverageChange(svc.undoRedo(redo)),
    'search:query': ({ q, limit }) => Q.search(svc.database, q, limit),
    'settings:get': () => ({ editorName: svc.editorName(), ...svc.newsroom() }),
    'settings:set': ({ editorName, newsroomUrl, newsroomName }) => {
      svc.setNewsroom(newsroomUrl, newsroomName);
      if (editorName !== undefined)
        svc.database
          .prepare(
            "INSERT INTO settings (key, value) VALUES ('editorName', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
          )
          .run(editorName);
      return { editorName: svc.editorName(), ...svc.newsroom() };
    },
    'extract:rerun': ({ articleId }) => svc.reextract(articleId),
    'export:run': (i) => exportDesk(svc.database, i, svc.path, svc.actor()),
    'versions:list': ({ articleId }) => articleVersions(svc.database, articleId),
    'versions:diff': ({ fromId, toId }) => versionDiff(svc.database, fromId, toId),
    'versions:link': ({ articleId, toArticleId }) =>
      svc.versionsChange((db) => linkByHand(db, articleId, toArticleId, svc.actor()), true),
    'versions:unlink': ({ articleId }) =>
      svc.versionsChange((db) => {
        unlinkVersion(db, articleId, svc.actor());
        return articleVersions(db, articleId);
      }),
    ...draftHandlers(svc),
  };
}
