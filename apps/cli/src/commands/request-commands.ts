import { AuditCommand, AuditVerifyCommand } from './audit.command';
import { CalendarsCommand, CalendarsLoadCommand } from './calendars.command';

/** Providers for the CLI module: `audit verify` and `calendars load` (requests). */
export const REQUEST_COMMANDS = [AuditCommand, AuditVerifyCommand, CalendarsCommand, CalendarsLoadCommand];
