// Public API of the embedded engine. See engine/README.md.
export type { Credential } from './auth/credential.js';
export { generateCredential } from './auth/credential.js';
export type { EngineOptions, RunningEngine } from './engine.js';
export { startEngine, URI_FILE } from './engine.js';
export type { ThreadOptions } from './thread.js';
export { startEngineThread } from './thread.js';
