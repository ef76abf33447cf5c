import { CalendarCommand, CalendarShowCommand } from './calendar.command';
import { DeadlineCommand } from './deadline.command';

/** Providers for the CLI module: the deadline and calendar commands (no database needed). */
export const DEADLINE_COMMANDS = [DeadlineCommand, CalendarCommand, CalendarShowCommand];
