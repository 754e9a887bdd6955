import type { TestProject } from 'vitest/node';

import { startApp } from './app';
import { assertChromiumInstalled } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Starts the built app once for the whole e2e run; tests reach it through inject('baseUrl').
 * E2E_BASE_URL points the run at an app that is already running (`npm run dev`) instead.
 */
export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return;
  }
  const app = await startApp();
  project.provide('baseUrl', app.url);
  return async () => {
    const code = await app.stop();
    if (code !== 0) {
      throw new Error(`The app exited with code ${code} on SIGTERM:\n${app.output()}`);
    }
  };
}
