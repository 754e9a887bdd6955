import Papa from 'papaparse';
import { z } from 'zod';

import {
  type DepartmentKind,
  departmentKinds,
  type LanguageCode as Language,
  languageCodes as languages,
} from '../../models/vocabulary';
import { message } from '../utils/message';
import { emailKeyOf, languageNames } from './schemas';

/** One person row of a roster file, read and checked on its own (the database is not asked). */
export interface RosterRow {
  /** Line of the file where the row starts, counting the header as line 1. */
  line: number;
  name: string;
  email: string;
  department: string;
  /** The kind of the row's department; undefined when the column is missing or empty. */
  departmentKind: DepartmentKind | undefined;
  language: Language | undefined;
  /** Department names; undefined when the file has no leader_of column. */
  leaderOf: string[] | undefined;
  /** undefined when the column is missing or the cell is empty: keep what the person has. */
  hrAdmin: boolean | undefined;
  active: boolean | undefined;
  /** Why the row cannot be imported, as messages (see ~/utils/message); empty when it can. */
  problems: string[];
}

export type RosterFile =
  | { ok: true; rows: RosterRow[]; delimiter: ',' | ';'; ignoredColumns: string[] }
  | { ok: false; error: string };

const requiredColumns = ['name', 'email', 'department', 'language'] as const;
const optionalColumns = ['department_kind', 'leader_of', 'hr_admin', 'active'] as const;
type Column = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];
const knownColumns: readonly string[] = [...requiredColumns, ...optionalColumns];

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

  const indexOf = (column: Column) => columns.indexOf(column);
  const rows = body.map((record) => readRow(record, indexOf, columns.length));
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

const emailFormat = z.string().email();

function readRow(
  record: { line: number; cells: string[]; broken: boolean },
  indexOf: (column: Column) => number,
  width: number,
): RosterRow {
  const cell = (column: Column) => {
    const index = indexOf(column);
    return index < 0 ? undefined : (record.cells[index] ?? '').trim();
  };
  const problems: string[] = [];
  // Each message names the line, so it reads on its own wherever it is shown.
  const problem = (key: string, values: Record<string, string | number> = {}) =>
    problems.push(message(`people:import.rows.${key}`, { line: record.line, ...values }));
  if (record.broken) problem('unclosedQuote');
  if (record.cells.length > width) problem('tooManyValues');

  const name = cell('name') ?? '';
  if (!name) problem('nameMissing');
  else if (name.length > 200) problem('nameTooLong');

  const email = cell('email') ?? '';
  if (!email) problem('emailMissing');
  else if (email.length > 254 || !emailFormat.safeParse(email).success) {
    problem('emailInvalid', { column: 'email', email });
  }

  const department = cell('department') ?? '';
  if (!department) problem('departmentMissing');
  else if (department.length > 120) problem('departmentTooLong');

  const kindCell = cell('department_kind') ?? '';
  const departmentKind = departmentKinds.find((kind) => kind === kindCell.toLowerCase());
  if (kindCell && !departmentKind) {
    problem('unknownKind', {
      column: 'department_kind',
      kind: kindCell,
      kinds: departmentKinds.join(', '),
    });
  }

  const languageCell = cell('language') ?? '';
  const language = languageFrom(languageCell);
  if (!languageCell) problem('languageMissing');
  else if (!language) {
    problem('unknownLanguage', {
      column: 'language',
      language: languageCell,
      languages: languages.join(', '),
    });
  }

  const leaderCell = cell('leader_of');
  const leaderOf =
    leaderCell === undefined
      ? undefined
      : [...new Set(leaderCell.split('|').map((name) => name.trim().replace(/\s+/g, ' ')))].filter(
          Boolean,
        );

  const hrAdmin = yesNo(cell('hr_admin'), 'hr_admin', problem);
  const active = yesNo(cell('active'), 'active', problem);

  return {
    line: record.line,
    name,
    email,
    department: department.replace(/\s+/g, ' '),
    departmentKind,
    language,
    leaderOf,
    hrAdmin,
    active,
    problems,
  };
}

const languageAliases = new Map<string, Language>([
  ...languages.map((code) => [code, code] as const),
  ...languages.map((code) => [languageNames[code].toLowerCase(), code] as const),
  ['norwegian', 'nb'],
  ['no', 'nb'],
  ['norsk', 'nb'],
  ['українська', 'uk'],
  ['português', 'pt'],
  ['polski', 'pl'],
  ['latviešu', 'lv'],
]);

function languageFrom(cell: string): Language | undefined {
  return languageAliases.get(cell.toLowerCase());
}

function yesNo(
  cell: string | undefined,
  column: string,
  problem: (key: string, values: Record<string, string>) => void,
): boolean | undefined {
  if (cell === undefined || cell === '') return undefined;
  const value = cell.toLowerCase();
  if (['yes', 'y', 'true', '1'].includes(value)) return true;
  if (['no', 'n', 'false', '0'].includes(value)) return false;
  problem('notYesNo', { column, value: cell });
  return undefined;
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
