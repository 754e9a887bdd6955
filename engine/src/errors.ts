/** MongoDB's error codes that the engine answers, with the codeName MongoDB pairs with each. */
const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  ProtocolError: 17,
  AuthenticationFailed: 18,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  PathNotViable: 28,
  IndexNotFound: 27,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  MaxTimeMSExpired: 50,
  NamespaceExists: 48,
  GraphContainsCycle: 5,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  DocumentValidationFailure: 121,
  ViewDepthLimitExceeded: 165,
  OptionNotSupportedOnView: 167,
  CommandNotSupportedOnView: 166,
  QueryFeatureNotAllowed: 224,
  MechanismUnavailable: 334,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  CannotBackfillArray: 34,
  Location15955: 15955,
  Location15975: 15975,
  Location15976: 15976,
  Location16020: 16020,
  Location40081: 40081,
  Location16556: 16556,
  Location16608: 16608,
  Location16612: 16612,
  Location28745: 28745,
  Location28746: 28746,
  Location28747: 28747,
  Location28749: 28749,
  Location51091: 51091,
  Location31254: 31254,
  Location40323: 40323,
  Location40324: 40324,
  Location40415: 40415,
  Location51024: 51024,
  // let variables, field names, database-level aggregate, 8.0-only options
  DollarPrefixedFieldName: 52,
  Location16866: 16866,
  Location16867: 16867,
  Location16868: 16868,
  Location17276: 17276,
  Location40602: 40602,
  Location51144: 51144,
  Location51183: 51183,
  Location4738901: 4738901,
  Location4890500: 4890500,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** An error that becomes a MongoDB error reply ({ ok: 0, errmsg, code, codeName }) instead of a crash. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra fields MongoDB adds to some errors (keyPattern and keyValue for duplicate keys). */
  readonly extra: Record<string, unknown>;

  constructor(codeName: ErrorCodeName, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.codeName = codeName;
    this.code = ErrorCode[codeName];
    this.extra = extra;
  }
}

/**
 * mingo throws plain errors for queries and pipelines it cannot run; translate the ones a client
 * can cause into the codes MongoDB answers for the same mistake.
 */
export function fromQueryLibraryError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = error instanceof Error ? error.message : String(error);
  let match = /unregistered pipeline operator (\$?[\w$]+)/i.exec(message);
  if (match) {
    return new CommandError('Location40324', `Unrecognized pipeline stage name: '${match[1]}'`);
  }
  match = /unknown (?:query|top level) operator:? (\$?[\w$]+)/i.exec(message);
  if (match) return new CommandError('BadValue', `unknown operator: ${match[1]}`);
  match = /Unknown update operator: '(\$?[\w$]+)'/i.exec(message);
  if (match) {
    return new CommandError(
      'FailedToParse',
      `Unknown modifier: ${match[1]}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  }
  if (
    /exclusion and inclusion in projection|exclusion on field .* in inclusion projection/i.test(
      message,
    )
  ) {
    return new CommandError(
      'Location31254',
      'Cannot do exclusion on field in inclusion projection',
    );
  }
  if (/immutable field '_id'/i.test(message)) {
    return new CommandError(
      'ImmutableField',
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  match = /Use of undefined variable: (\S+)/.exec(message);
  if (match) {
    return match[1] === 'CLUSTER_TIME'
      ? new CommandError('Location51144', "Builtin variable '$$CLUSTER_TIME' is not available")
      : new CommandError('Location17276', `Use of undefined variable: ${match[1]}`);
  }
  if (/Invalid regular expression/i.test(message)) {
    return new CommandError('Location51091', `Regular expression is invalid: ${message}`);
  }
  if (/would create a conflict/i.test(message)) {
    return new CommandError('ConflictingUpdateOperators', capitalise(message));
  }
  return new CommandError('BadValue', message);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
