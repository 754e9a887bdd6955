// A board key is made with its department (newBoardKey in models/department.server.ts).

/** Whether a value could be a board key at all; anything else is unknown without a lookup. */
export function isBoardKeyShaped(value: string): boolean {
  return /^[\w-]{16,64}$/.test(value);
}
