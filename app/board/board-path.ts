/**
 * Where a department's "You said, we did" board lives, or the company board when the department
 * is not known. Shared by the thank-you page and the invitation e-mails.
 */
export function boardPath(boardKey: string | null | undefined): string {
  return boardKey ? `/board/${boardKey}` : '/board';
}

/** The full address of a board, for e-mails (appUrl as the delivery has it, without a slash). */
export function boardLink(appUrl: string, boardKey: string | null | undefined): string {
  return `${appUrl}${boardPath(boardKey)}`;
}
