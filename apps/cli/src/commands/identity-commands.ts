import { AgenciesCommand, AgenciesCreateCommand, AgenciesListCommand } from './agencies.command';
import { UsersCommand, UsersCreateCommand } from './users.command';

/** Providers for the CLI module: `agencies create|list`, `users create` (they open the database themselves). */
export const IDENTITY_COMMANDS = [
  AgenciesCommand,
  AgenciesCreateCommand,
  AgenciesListCommand,
  UsersCommand,
  UsersCreateCommand,
];
