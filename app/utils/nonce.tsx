import { createContext, useContext } from 'react';

// The server generates a nonce per request (server/app.ts); every inline script Remix renders
// must carry it or the content security policy blocks it.
const NonceContext = createContext<string>('');

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
