/**
 * A request that cannot be carried out as asked (a path or glob that matches nothing, an
 * unreadable settings file, an unknown rule id): the CLI exits 2 with the message on stderr;
 * the language server reports it to the user instead.
 */
export class UsageError extends Error {}
