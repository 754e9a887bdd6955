// Public API of the embedded engine. See engine/README.md.
export type { EngineOptions, RunningEngine } from './engine.js';
export { startEngine } from './engine.js';
export type { ThreadOptions } from './thread.js';
export { startEngineThread } from './thread.js';
