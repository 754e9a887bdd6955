import { watch } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { createRequestHandler } from '@remix-run/express';
import { type AppLoadContext, broadcastDevReady, type ServerBuild } from '@remix-run/node';
import type { Request, RequestHandler, Response } from 'express';

import type { Logger } from '../app/utils/log.server';
import { nonceFor } from './nonce';

/** Where `remix build` writes the server build (see remix.config.js), from the project folder. */
const remixBuildPath = path.resolve('build', 'remix', 'index.js');

export async function loadRemixBuild(buildPath = remixBuildPath): Promise<ServerBuild> {
  const { mtimeMs } = await stat(buildPath);
  return importBuild(buildPath, mtimeMs);
}

async function importBuild(buildPath: string, mtimeMs: number): Promise<ServerBuild> {
  // The query busts Node's module cache, so development picks up each rebuild.
  const loaded: unknown = await import(`${pathToFileURL(buildPath).href}?t=${mtimeMs}`);
  if (!isServerBuild(loaded)) throw new Error(`${buildPath} is not a Remix server build`);
  return loaded;
}

function isServerBuild(value: unknown): value is ServerBuild {
  return typeof value === 'object' && value !== null && 'routes' in value && 'entry' in value;
}

/** What every loader and action receives besides the request. */
export function loadContextFor(request: Request, response: Response): AppLoadContext {
  // The socket's address, or behind proxies named in TRUST_PROXY the client's address as they
  // report it in X-Forwarded-For (Express's trust proxy rule, set in server/app.ts). Limits on
  // sign-in, open links and receipts count by it.
  return {
    cspNonce: nonceFor(response),
    clientAddress: request.ip ?? request.socket.remoteAddress ?? 'unknown',
  };
}

/** The Remix handler for one build. */
export function requestHandlerFor(build: ServerBuild): RequestHandler {
  const handler = createRequestHandler({ build, mode: build.mode, getLoadContext: loadContextFor });
  // The Remix handler catches its own errors and passes them to next().
  return (request, response, next) => {
    void handler(request, response, next);
  };
}

/**
 * The Remix request handler. With liveReload (under `remix dev`) it reloads the build whenever
 * a rebuild finishes and tells the dev server it is ready, which refreshes the browser.
 */
export async function remixHandler({
  liveReload,
  logger,
}: {
  liveReload: boolean;
  logger: Logger;
}): Promise<RequestHandler> {
  let build = await loadRemixBuild();
  let handler = requestHandlerFor(build);

  if (liveReload) {
    let loadedMtime = (await stat(remixBuildPath)).mtimeMs;
    const reload = async () => {
      // One rebuild fires several watch events; load each build once.
      const { mtimeMs } = await stat(remixBuildPath);
      if (mtimeMs === loadedMtime) return;
      loadedMtime = mtimeMs;
      build = await importBuild(remixBuildPath, mtimeMs);
      handler = requestHandlerFor(build);
      await broadcastDevReady(build);
      logger.info('Reloaded the Remix build');
    };
    // remix dev rewrites version.txt after every rebuild.
    watch(path.dirname(remixBuildPath), (_event, file) => {
      if (file !== 'version.txt') return;
      reload().catch((error: unknown) => {
        logger.error(`Reloading the build failed: ${String(error)}`);
      });
    });
    await broadcastDevReady(build);
  }

  // A new build replaces the handler; this one always hands over to the current one.
  return (request, response, next) => handler(request, response, next);
}
