// `npm run create-admin`: makes the first HR admin of an installation that starts without the
// demo organisation. Takes --name, --email and --password, or ADMIN_NAME, ADMIN_EMAIL and
// ADMIN_PASSWORD, and asks for whatever is missing. Works only while no HR admin exists.
import { stdin, stdout } from 'node:process';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';

import { createFirstAdmin } from '../app/auth/first-admin.server';
import { firstAdminSchema } from '../app/auth/schemas';
import { messageText } from '../app/i18n';
import { databaseOptions } from '../app/utils/database.server';
import { connectDatabase, disconnectDatabase } from '../models/connection.server';

const usage = `Usage: npm run create-admin -- [--name "Ana Lima"] [--email ana@example.com] [--password ...]

Creates the first HR admin while none exists. Missing values are asked for; ADMIN_NAME,
ADMIN_EMAIL and ADMIN_PASSWORD may give them instead. Prefer typing the password at the prompt
or ADMIN_PASSWORD: a --password stays in your shell history.
With the embedded database, stop the app first (it holds the data folder) or use /setup.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    stdout.write(`${usage}\n`);
    return 0;
  }
  const given = {
    name: values.name ?? (process.env.ADMIN_NAME || undefined),
    email: values.email ?? (process.env.ADMIN_EMAIL || undefined),
    password: values.password ?? (process.env.ADMIN_PASSWORD || undefined),
  };
  if (!stdin.isTTY && (!given.name || !given.email || !given.password)) {
    process.stderr.write(`Name, email and password are needed.\n\n${usage}\n`);
    return 1;
  }
  const input = {
    name: given.name ?? (await ask('Name: ')),
    email: given.email ?? (await ask('Email: ')),
    password: given.password ?? (await askHidden('Password (at least 10 characters): ')),
  };
  const parsed = firstAdminSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      process.stderr.write(`${String(issue.path[0])}: ${messageText(issue.message)}\n`);
    }
    return 1;
  }

  await connectDatabase(databaseOptions());
  try {
    const result = await createFirstAdmin(parsed.data);
    if (!result.ok) {
      process.stderr.write(
        'An HR admin exists already, so nothing was changed. HR admins add other staff under People.\n',
      );
      return 1;
    }
    stdout.write(
      `Created HR admin ${parsed.data.name} in ${result.departmentName}. Sign in at /login.\n`,
    );
    return 0;
  } finally {
    await disconnectDatabase();
  }
}

async function ask(question: string): Promise<string> {
  const readline = createInterface({ input: stdin, output: stdout });
  try {
    return await readline.question(question);
  } finally {
    readline.close();
  }
}

/** Reads a line without echoing it, for the password. */
function askHidden(question: string): Promise<string> {
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\u0003') {
          finish();
          reject(new Error('Cancelled'));
          return;
        }
        if (character === '\r' || character === '\n') {
          finish();
          stdout.write('\n');
          resolve(typed);
          return;
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    stdin.on('data', onData);
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(
    `Could not create the HR admin: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
