/// <reference types="@remix-run/dev" />

import '@remix-run/node';

declare module '@remix-run/node' {
  /** What server/app.ts hands every loader and action. */
  interface AppLoadContext {
    /** Per-request nonce that the content security policy allows inline scripts with. */
    cspNonce: string;
    /** The client's network address, for counting failed sign-ins; never logged. */
    clientAddress: string;
  }
}
