/** An axis label cut to fit beside the chart; the table beside it carries the whole text. */
export function shortLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
