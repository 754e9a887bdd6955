import Papa from 'papaparse';

import { message } from '../utils/message';
import { type ColumnKey, columnList, type Problem, type RosterValues } from './roster-columns';
import { emailKeyOf } from './schemas';

/**
 * One person row of a roster file, read and checked on its own (the database is not asked): a
 * value for each column (./roster-columns.ts), undefined where the file has no such column.
 */
export type RosterRow = RosterValues & {
  /** Line of the file where the row starts, counting the header as line 1. */
  line: number;
  /** Why the row cannot be imported, as messages (see ~/utils/message); empty when it can. */
  problems: string[];
};

export type RosterFile =
  | { ok: true; rows: RosterRow[]; delimiter: ',' | ';'; ignoredColumns: string[] }
  | { ok: false; error: string };

const knownColumns = columnList.map(([, { header }]) => header);
const requiredColumns = columnList.flatMap(([, { header, required }]) =>
  required ? [header] : [],
);

/**
 * Reads a roster CSV: UTF-8 with or without a byte-order mark, comma- or semicolon-separated
 * (told apart by the header row), quoted fields with delimiters or line breaks inside.
 */
export function readRoster(content: Uint8Array | string): RosterFile {
  const text = typeof content === 'string' ? content : decodeRoster(content);
  if (text === undefined) return { ok: false, error: notUtf8 };
  // One newline convention, so line numbers count the way a text editor does.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') return { ok: false, error: 'people:import.errors.empty' };

  const delimiter = detectDelimiter(normalised);
  const records: { line: number; cells: string[]; broken: boolean }[] = [];
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(normalised, {
    delimiter,
    newline: '\n',
    step: (result) => {
      records.push({ line, cells: result.data, broken: result.errors.length > 0 });
      const end = result.meta.cursor;
      for (let at = cursor; at < end; at++) if (normalised.charCodeAt(at) === 10) line++;
      cursor = end;
    },
  });

  const [header, ...body] = records.filter((record) => record.cells.some((cell) => cell.trim()));
  if (!header) return { ok: false, error: 'people:import.errors.empty' };
  const columns = header.cells.map((cell) =>
    cell
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  const duplicate = columns.find((column, index) => column && columns.indexOf(column) !== index);
  if (duplicate) {
    return {
      ok: false,
      error: message('people:import.errors.duplicateColumn', { column: duplicate }),
    };
  }
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      error: message('people:import.errors.missingColumns', { missing: missing.join(', ') }),
    };
  }
  if (body.length === 0) {
    return { ok: false, error: 'people:import.errors.noRows' };
  }

  const rows = body.map((record) => readRow(record, columns));
  markDuplicateEmails(rows);
  return {
    ok: true,
    rows,
    delimiter,
    ignoredColumns: columns.filter((column) => column && !knownColumns.includes(column)),
  };
}

export const notUtf8 = 'people:import.errors.notUtf8';

/** The text of an uploaded file, or undefined when it is not UTF-8. */
export function decodeRoster(content: Uint8Array): string | undefined {
  try {
    // fatal: a Latin-1 or UTF-16 file fails here instead of importing garbled names.
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return undefined;
  }
}

/** The delimiter the header row uses most, outside quotes; a comma when it is a tie. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function readRow(
  record: { line: number; cells: string[]; broken: boolean },
  columns: string[],
): RosterRow {
  const problems: string[] = [];
  // Each message names the line, so it reads on its own wherever it is shown.
  const problem: Problem = (key, values = {}) =>
    problems.push(message(`people:import.rows.${key}`, { line: record.line, ...values }));
  if (record.broken) problem('unclosedQuote');
  if (record.cells.length > columns.length) problem('tooManyValues');

  const values: Partial<Record<ColumnKey, unknown>> = {};
  for (const [key, { header, read }] of columnList) {
    const index = columns.indexOf(header);
    values[key] = read(index < 0 ? undefined : (record.cells[index] ?? '').trim(), problem);
  }
  return { line: record.line, ...(values as RosterValues), problems };
}

/** Every row of an email that appears more than once is refused, naming the other lines. */
function markDuplicateEmails(rows: RosterRow[]): void {
  const linesByEmail = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.email) continue;
    const key = emailKeyOf(row.email);
    linesByEmail.set(key, [...(linesByEmail.get(key) ?? []), row.line]);
  }
  for (const row of rows) {
    const lines = linesByEmail.get(emailKeyOf(row.email)) ?? [];
    if (lines.length < 2) continue;
    const others = lines.filter((line) => line !== row.line);
    // The lines as a list the reader's language joins ("2, 3 and 7"): the last one apart.
    row.problems.push(
      others.length === 1
        ? message('people:import.rows.duplicateEmail', {
            line: row.line,
            email: row.email,
            other: others[0] ?? 0,
          })
        : message('people:import.rows.duplicateEmails', {
            line: row.line,
            email: row.email,
            others: others.slice(0, -1).join(', '),
            last: others.at(-1) ?? 0,
          }),
    );
  }
}
