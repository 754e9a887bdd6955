/**
 * The per-document errors of an unordered bulk write (insertMany, bulkWrite), as index and code;
 * null when the error is not a bulk write's (the whole command failed).
 */
export function writeErrorsOf(error: unknown): { index: number; code: number }[] | null {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return null;
  const raw: unknown = error.writeErrors;
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  return list.map((item) => {
    const problem = (item ?? {}) as { index?: unknown; code?: unknown };
    return { index: Number(problem.index), code: Number(problem.code) };
  });
}
