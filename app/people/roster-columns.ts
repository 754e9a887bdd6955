import type { Types } from 'mongoose';
import { z } from 'zod';

import type { Person } from '../../models/person.server';
import {
  type DepartmentKind,
  departmentKinds,
  type LanguageCode as Language,
  languageCodes as languages,
} from '../../models/vocabulary';
import { message, type MessageValues } from '../utils/message';
import { emailKeyOf, languageNames } from './schemas';

// Every column a roster file may have, defined once: how the file names it, how its cell is read
// and checked, the help line that explains it, and, for a column about the person, what the plan
// compares and what applying writes. The parser (roster-csv.server.ts), the upload page's help,
// the plan (roster-plan.server.ts) and the apply step (roster-apply.server.ts) all read this list;
// the undo record keeps exactly the fields the apply step writes, so no column can be left out
// of it. Shared by the server and the browser (the help), so nothing here may import a
// *.server.ts module except for its types.

/** Notes why a cell cannot be imported: a key of people:import.rows.*, with its values. */
export type Problem = (key: string, values?: MessageValues) => void;

/** The words under import.help that explain a column on the upload page. */
export type HelpKey = 'departmentKind' | 'language' | 'leaderOf' | 'yesNo';

/** A person as the database keeps them. */
export type KnownPerson = Person;

export interface PlanContext {
  /** The person the row's email matches; undefined for a new person. */
  existing: KnownPerson | undefined;
  /** The key of a named department, or undefined when it cannot be used (a problem is noted). */
  resolve: (name: string, column: 'department' | 'leader_of') => string | undefined;
}

export interface DepartmentNames {
  /** The name of a department the plan refers to by key (it may be created by the import). */
  ofKey: (key: string) => string;
  /** The name of a department a person refers to by id. */
  ofId: (id: Types.ObjectId) => string;
}

export interface WriteContext {
  departmentId: (key: string) => Types.ObjectId;
}

/** What a column does to the person a row names; absent for a column about the department. */
export interface PersonFacet<Value, Planned> {
  /** What the person gets; undefined keeps what the person has. */
  plan: (value: Value, context: PlanContext) => Planned | undefined;
  /** Each change from the person as stored, as messages for the preview. */
  changes: (before: KnownPerson, planned: Planned, names: DepartmentNames) => string[];
  /** The person's fields as applying writes them; these, as they were, are the undo record. */
  write: (planned: Planned, context: WriteContext) => Partial<Person>;
}

export interface RosterColumn<Value, Planned = never> {
  /** The header as the file spells it (read case-blind, with spaces or hyphens for "_"). */
  header: string;
  required: boolean;
  help?: HelpKey;
  /** The value of a cell, trimmed; undefined when the file has no such column. */
  read: (cell: string | undefined, problem: Problem) => Value;
  person?: PersonFacet<Value, Planned>;
}

const column = <Value, Planned = never>(definition: RosterColumn<Value, Planned>) => definition;

/** A change of a value the words show as it is (a name, an address, a language code). */
function changed(what: string, from: string, to: string): string[] {
  return from === to ? [] : [message(`people:import.changes.${what}`, { from, to })];
}

/**
 * A text column kept on the person as it is written. Its words are by field: the problems
 * people:import.rows.<field>Missing and <field>TooLong, the change people:import.changes.<field>.
 * An optional one left empty keeps what the person has.
 */
function textColumn(
  header: string,
  field: TextField,
  { required, max, help }: { required: boolean; max: number; help?: HelpKey },
) {
  return column<string, string>({
    header,
    required,
    help,
    read: (cell = '', problem) => {
      if (!cell && required) problem(`${field}Missing`);
      else if (cell.length > max) problem(`${field}TooLong`);
      return cell;
    },
    person: {
      plan: (text) => text || undefined,
      changes: (before, text) => changed(field, before[field], text),
      write: (text) => ({ [field]: text }),
    },
  });
}

/** The person's fields a text column may write. */
type TextField = 'name';

/**
 * A yes/no column: empty keeps what the person has (for a new person, `forNewPeople`); its two
 * changes are words of their own, so that each language says yes and no its way.
 */
function yesNoColumn(
  header: string,
  field: 'hrAdmin' | 'active',
  forNewPeople: boolean,
  [given, taken]: [string, string],
) {
  return column<boolean | undefined, boolean>({
    header,
    required: false,
    help: 'yesNo',
    read: (cell, problem) => {
      if (cell === undefined || cell === '') return undefined;
      const value = cell.toLowerCase();
      if (['yes', 'y', 'true', '1'].includes(value)) return true;
      if (['no', 'n', 'false', '0'].includes(value)) return false;
      problem('notYesNo', { column: header, value: cell });
      return undefined;
    },
    person: {
      plan: (value, { existing }) => value ?? existing?.[field] ?? forNewPeople,
      changes: (before, planned) =>
        before[field] === planned ? [] : [`people:import.changes.${planned ? given : taken}`],
      write: (planned) => ({ [field]: planned }),
    },
  });
}

const emailFormat = z.string().email();

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

/**
 * The columns, in the order a row's problems and changes are told. Keyed by the field each
 * column gives a row read from the file (RosterRow).
 */
const rosterColumns = {
  name: textColumn('name', 'name', { required: true, max: 200 }),
  email: column<string, string>({
    header: 'email',
    required: true,
    read: (cell = '', problem) => {
      if (!cell) problem('emailMissing');
      else if (cell.length > 254 || !emailFormat.safeParse(cell).success) {
        problem('emailInvalid', { column: 'email', email: cell });
      }
      return cell;
    },
    person: {
      plan: (email) => email,
      changes: (before, email) => changed('email', before.email, email),
      write: (email) => ({ email, emailKey: emailKeyOf(email) }),
    },
  }),
  department: column<string, string>({
    header: 'department',
    required: true,
    read: (cell = '', problem) => {
      if (!cell) problem('departmentMissing');
      else if (cell.length > 120) problem('departmentTooLong');
      return cell.replace(/\s+/g, ' ');
    },
    person: {
      plan: (name, { resolve }) => (name ? resolve(name, 'department') : undefined),
      changes: (before, key, names) =>
        changed('department', names.ofId(before.departmentId), names.ofKey(key)),
      write: (key, { departmentId }) => ({ departmentId: departmentId(key) }),
    },
  }),
  // A column about the row's department, not the person: the plan gathers the kinds the rows
  // give each department, and applying records the kinds it changes on the import.
  departmentKind: column<DepartmentKind | undefined>({
    header: 'department_kind',
    required: false,
    help: 'departmentKind',
    read: (cell = '', problem) => {
      const kind = departmentKinds.find((known) => known === cell.toLowerCase());
      if (cell && !kind) {
        problem('unknownKind', {
          column: 'department_kind',
          kind: cell,
          kinds: departmentKinds.join(', '),
        });
      }
      return kind;
    },
  }),
  language: column<Language | undefined, Language>({
    header: 'language',
    required: true,
    help: 'language',
    read: (cell = '', problem) => {
      const language = languageAliases.get(cell.toLowerCase());
      if (!cell) problem('languageMissing');
      else if (!language) {
        problem('unknownLanguage', {
          column: 'language',
          language: cell,
          languages: languages.join(', '),
        });
      }
      return language;
    },
    person: {
      plan: (language) => language,
      // Language codes: the words name them in the reader's language ($t nesting).
      changes: (before, language) => changed('language', before.language, language),
      write: (language) => ({ language }),
    },
  }),
  // Department names, separated by "|"; undefined when the file has no leader_of column.
  leaderOf: column<string[] | undefined, string[]>({
    header: 'leader_of',
    required: false,
    help: 'leaderOf',
    read: (cell) =>
      cell === undefined
        ? undefined
        : [...new Set(cell.split('|').map((name) => name.trim().replace(/\s+/g, ' ')))].filter(
            Boolean,
          ),
    person: {
      // Without a leader_of column the file says nothing about leadership: keep what is there.
      plan: (names, { existing, resolve }) => {
        const keys = (names ?? []).map((name) => resolve(name, 'leader_of'));
        return names === undefined && existing
          ? undefined
          : keys.filter((key) => key !== undefined);
      },
      changes: (before, keys, names) => {
        const list = (found: string[]) => found.sort().join(', ');
        const from = list(before.leaderOf.map(names.ofId));
        const to = list(keys.map(names.ofKey));
        if (from === to) return [];
        // "None" is a word of each language, not a value: told apart by key.
        if (!from) return [message('people:import.changes.leaderOfFromNone', { to })];
        if (!to) return [message('people:import.changes.leaderOfToNone', { from })];
        return [message('people:import.changes.leaderOf', { from, to })];
      },
      write: (keys, { departmentId }) => ({ leaderOf: keys.map(departmentId) }),
    },
  }),
  hrAdmin: yesNoColumn('hr_admin', 'hrAdmin', false, ['hrAdminGiven', 'hrAdminTaken']),
  active: yesNoColumn('active', 'active', true, ['activated', 'deactivated']),
};

type Columns = typeof rosterColumns;
export type ColumnKey = keyof Columns;
type ValueOf<Key extends ColumnKey> = ReturnType<Columns[Key]['read']>;
type PlannedOf<Key extends ColumnKey> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any value: only Planned is read
  NonNullable<Columns[Key]['person']> extends PersonFacet<any, infer Planned> ? Planned : never;

/** A row's values, one a column, as read from the file (the database is not asked). */
export type RosterValues = { [Key in ColumnKey]: ValueOf<Key> };

/** What importing a row gives the person, one a person column; absent: keep what is there. */
export type PlannedPerson = {
  [Key in ColumnKey as [PlannedOf<Key>] extends [never] ? never : Key]?: PlannedOf<Key>;
};

// The list loses each column's own types; the modules that walk it meet them again by key.
export const columnList = Object.entries(rosterColumns) as unknown as [
  ColumnKey,
  RosterColumn<unknown, unknown>,
][];

/** The help lines of the upload page, once each, in the order of the columns. */
export const helpKeys: HelpKey[] = [
  ...new Set(columnList.flatMap(([, { help }]) => (help ? [help] : []))),
];
