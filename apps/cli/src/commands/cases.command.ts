import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { createDataSource } from '@disclose/database';

/** One line of `disclose cases list`. */
export interface CaseLine {
  agency: string;
  tracking: string;
  kind: string;
  caseNumber: string | null;
  filedOn: string;
  outcome: string;
  disposition: string | null;
  /** The earliest reminded deadline of an open case: 'key dueOn'. */
  next: string | null;
  owner: string | null;
  id: string;
}

/** A plain-text table, columns padded to their widest cell (CJK characters count double). */
export function formatCaseTable(lines: readonly CaseLine[]): string {
  const header = [
    'AGENCY',
    'REQUEST',
    'KIND',
    'CASE NO.',
    'FILED',
    'OUTCOME',
    'NEXT DEADLINE',
    'IN CHARGE',
    'ID',
  ];
  const rows = lines.map((l) => [
    l.agency,
    l.tracking,
    l.kind,
    l.caseNumber ?? '-',
    l.filedOn,
    l.disposition ? `${l.outcome} (${l.disposition})` : l.outcome,
    l.next ?? '-',
    l.owner ?? '-',
    l.id,
  ]);
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - width(c))))
      .join('  ')
      .trimEnd();
  return [pad(header), ...rows.map(pad)].join('\n');
}

/**
 * `disclose cases list --agency CODE [--open]`: the legal cases of an agency and the agencies below it,
 * most urgent first (open cases by their next reminded deadline, then decided ones, newest first).
 */
@SubCommand({ name: 'list', description: 'List the legal cases of an agency (and the agencies below it)' })
export class CasesListCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  @Option({ flags: '--agency <code>', description: 'Agency code (required)', required: true })
  parseAgency(code: string): string {
    return code;
  }

  @Option({ flags: '--open', description: 'Only cases without an outcome yet' })
  parseOpen(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'One JSON array instead of the table' })
  parseJson(): boolean {
    return true;
  }

  async run(_args: string[], options: { agency: string; open?: boolean; json?: boolean }): Promise<void> {
    const dataSource = createDataSource(this.config, 'disclose-cases');
    await dataSource.initialize();
    try {
      const scope: Array<{ id: string }> = await dataSource.query(
        `WITH RECURSIVE scope AS (SELECT id FROM agencies WHERE upper(code) = upper($1)
           UNION ALL SELECT a.id FROM agencies a JOIN scope s ON a.parent_id = s.id)
         SELECT id FROM scope`,
        [options.agency],
      );
      if (scope.length === 0) {
        process.stderr.write(`disclose: no agency with code ${options.agency}\n`);
        process.exitCode = 2;
        return;
      }
      const rows: Array<CaseLine & { nextOn: string | null }> = await dataSource.query(
        `SELECT a.code AS agency, r.tracking_number AS tracking, c.kind, c.case_number AS "caseNumber",
                c.filed_on::text AS "filedOn", coalesce(c.outcome, 'pending') AS outcome, c.disposition,
                n.key || ' ' || n.due AS next, n.due AS "nextOn", u.email AS owner, c.id
           FROM cases c
           JOIN requests r ON r.id = c.request_id
           JOIN agencies a ON a.id = c.agency_id
           LEFT JOIN users u ON u.id = c.legal_owner_id
           LEFT JOIN LATERAL (
             SELECT d->>'key' AS key, d->>'dueOn' AS due FROM jsonb_array_elements(c.deadlines) d
              WHERE c.outcome IS NULL AND (d->>'remind')::boolean
              ORDER BY d->>'dueOn' LIMIT 1) n ON true
          WHERE c.agency_id = ANY($1::uuid[]) AND ($2::boolean IS NOT TRUE OR c.outcome IS NULL)
          ORDER BY (c.outcome IS NOT NULL), n.due NULLS LAST, c.filed_on DESC, c.created_at DESC`,
        [scope.map((s) => s.id), options.open === true],
      );
      const lines: CaseLine[] = rows.map(({ nextOn: _nextOn, ...line }) => line);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(lines)}\n`);
        return;
      }
      process.stdout.write(`${formatCaseTable(lines)}\n`);
      const open = lines.filter((l) => l.outcome === 'pending').length;
      process.stdout.write(`${lines.length} case(s), ${open} open\n`);
    } finally {
      await dataSource.destroy();
    }
  }
}

/** `disclose cases <subcommand>`. */
@Command({
  name: 'cases',
  description: 'Legal cases (reviews, appeals, 复议, 诉讼)',
  subCommands: [CasesListCommand],
})
export class CasesCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write('disclose: cases: missing subcommand; try `disclose cases list --agency CODE`\n');
    process.exitCode = 2;
  }
}

/** Providers for the CLI module. */
export const CASE_COMMANDS = [CasesCommand, CasesListCommand];
