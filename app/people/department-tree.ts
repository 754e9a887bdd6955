// Pure tree helpers, shared by the server and the pages (the move form hides impossible parents).

export interface TreeItem {
  id: string;
  parentId: string | null;
  name: string;
}

/**
 * Departments in reading order: each parent followed by its sub-departments, siblings by name,
 * with their depth. A department whose parent is missing is shown as a root, and a cycle (which
 * the app refuses to create) still ends instead of looping.
 */
export function inTreeOrder<T extends TreeItem>(items: readonly T[]): (T & { depth: number })[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));

  const ordered: (T & { depth: number })[] = [];
  const visited = new Set<string>();
  const visit = (item: T, depth: number) => {
    if (visited.has(item.id)) return;
    visited.add(item.id);
    ordered.push({ ...item, depth });
    for (const child of children.get(item.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  for (const item of items) visit(item, 0);
  return ordered;
}

/** The ids of a department and everything below it: the places it cannot be moved under. */
export function subtreeOf(items: readonly TreeItem[], id: string): Set<string> {
  const subtree = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && subtree.has(item.parentId) && !subtree.has(item.id)) {
        subtree.add(item.id);
        grew = true;
      }
    }
  }
  return subtree;
}
