// An internal-service question is written once with `{department}` where the rated department's
// name goes ("How responsive is {department} when you need it?"). Employees see it once per
// rated department with the name filled in; staff pages read it the same way wherever a figure is
// about one rated department, and in a neutral wording wherever a figure adds every rated
// department up (a question's split, its mean), so no page, table or CSV shows the placeholder.

const placeholder = '{department}';

/** Whether a question text names the rated department. */
const namesRatedDepartment = (text: string) => text.includes(placeholder);

/** The neutral words in one language (insights.json `question`; filters.server.ts wordingIn). */
export interface NeutralWording {
  /** "The department", where the placeholder starts a sentence. */
  start: string;
  /** "the department", anywhere else. */
  within: string;
  /** The whole text said over every rated department: "… (each rated department)". */
  each: (text: string) => string;
}

const englishWording: NeutralWording = {
  start: 'The department',
  within: 'the department',
  each: (text) => `${text} (each rated department)`,
};

/**
 * A question's text as staff pages show it: with `provider`'s name where the figure is about one
 * rated department, otherwise with "the department" and "(each rated department)" after it, in
 * the words of the reader's language. Texts without the placeholder come back unchanged.
 */
export function questionWording(
  text: string,
  provider?: string | null,
  wording: NeutralWording = englishWording,
): string {
  if (!namesRatedDepartment(text)) return text;
  if (provider) return text.replaceAll(placeholder, provider);
  const neutral = text.replace(/\{department\}/g, (_, offset: number) =>
    startsSentence(text, offset) ? wording.start : wording.within,
  );
  return wording.each(neutral);
}

/** At the start of the text or after a sentence's end, the neutral words take a capital. */
function startsSentence(text: string, offset: number): boolean {
  return /(^|[.!?]\s+)$/.test(text.slice(0, offset));
}
