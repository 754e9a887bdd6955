import type { Namespace } from '~/i18n';

/**
 * A message the server gives a person (a refused field, a refused form), said as an i18n key so
 * that whoever reads it gets it in their language: "surveys:errors.titleRequired". Server modules
 * and zod schemas return these keys; the components that show them translate them
 * (useMessage in ~/components/ui/use-message). Values travel with the key as JSON after a space:
 * message("people:import.badRow", { row: 5 }) gives the text people:import.badRow {"row":5}.
 */
export type MessageKey = `${Namespace}:${string}`;
export type MessageValues = Record<string, string | number>;

const keyed = /^([a-z]+):([A-Za-z0-9_.]+)(?: (\{.*\}))?$/s;

export function message(key: MessageKey, values?: MessageValues): string {
  return values ? `${key} ${JSON.stringify(values)}` : key;
}

/** The key and values of a message, or null for a plain text (an older English message). */
export function readMessage(
  text: string,
): { namespace: string; key: string; values: MessageValues } | null {
  const match = keyed.exec(text);
  if (!match) return null;
  const [, namespace = '', key = '', json] = match;
  if (!json) return { namespace, key, values: {} };
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { namespace, key, values: parsed as MessageValues }
      : null;
  } catch {
    return null;
  }
}
