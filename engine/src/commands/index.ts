import { CommandError } from '../errors.js';
import { escapeCommand, restoreReply } from '../inherited-names.js';
import { deadlineOf, guardRangeExpressions } from '../limits.js';
import { bindNow } from '../now.js';
import type { Doc } from '../values.js';
import { adminCommands } from './admin.js';
import { databaseName } from './args.js';
import { authCommands, checkAuthenticated } from './auth.js';
import type { CommandContext, Handler } from './context.js';
import { beginOperation } from './database-aggregate.js';
import { ddlCommands } from './ddl.js';
import { queryCommands } from './query.js';
import { viewCommands } from './views.js';
import { writeCommands } from './write.js';

const handlers: Record<string, Handler> = {
  ...adminCommands,
  ...authCommands,
  ...queryCommands,
  ...writeCommands,
  ...ddlCommands,
  ...viewCommands,
};

handlers.listCommands = () => ({
  commands: Object.fromEntries(Object.keys(handlers).map((name) => [name, { help: '' }])),
  ok: 1,
});

/** Runs one command and always answers with a reply document, never an exception. */
export async function runCommand(context: Omit<CommandContext, 'name' | 'db'>): Promise<Doc> {
  const name = Object.keys(context.command)[0];
  return restoreReply(await run(name, context));
}

async function run(
  name: string | undefined,
  context: Omit<CommandContext, 'name' | 'db'>,
): Promise<Doc> {
  try {
    if (name === undefined)
      throw new CommandError('CommandNotFound', 'no such command: empty command document');
    const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
    if (!handler) throw new CommandError('CommandNotFound', `no such command: '${name}'`);
    checkAuthenticated(context, name);
    const db = databaseName(context.command.$db);
    if (context.command.txnNumber !== undefined && name !== 'hello') {
      throw new CommandError(
        'IllegalOperation',
        'Transaction numbers are only allowed on a replica set member or mongos',
      );
    }
    // Field names JavaScript treats specially are escaped before anything reads the command.
    const command = bindNow(
      name,
      guardRangeExpressions(name, escapeCommand(name, context.command)) as Doc,
    );
    const running: CommandContext = { ...context, command, name, db };
    running.deadline = deadlineOf(name, command);
    const finish = beginOperation(running);
    try {
      return await handler(running);
    } finally {
      finish();
    }
  } catch (error) {
    if (error instanceof CommandError) {
      return {
        ok: 0,
        errmsg: error.message,
        code: error.code,
        codeName: error.codeName,
        ...error.extra,
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: 0, errmsg: message, code: 1, codeName: 'InternalError' };
  }
}
