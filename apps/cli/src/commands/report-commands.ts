import {
  ExportCasesCommand,
  ExportCommand,
  ExportRequestsCommand,
  ImportCasesCommand,
  ImportCommand,
  ImportRequestsCommand,
} from './import-export.command';
import { ReportAnnualCommand, ReportCommand } from './report.command';

/** Providers for the CLI module: report annual, import requests|cases, export requests|cases. */
export const REPORT_COMMANDS = [
  ReportCommand,
  ReportAnnualCommand,
  ImportCommand,
  ImportRequestsCommand,
  ImportCasesCommand,
  ExportCommand,
  ExportRequestsCommand,
  ExportCasesCommand,
];
