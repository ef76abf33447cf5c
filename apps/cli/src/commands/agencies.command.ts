import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { AgenciesService, AgencyNode } from '@disclose/identity';
import { withIdentity } from './identity-cli.context';

interface CreateOptions {
  code: string;
  name: string;
  nameEn?: string;
  ruleSet: string;
  timezone?: string;
  parent?: string;
  receiptCutoff?: string;
  contactEmail?: string;
}

/** `disclose agencies create --code PLGT --name 平凉市国土资源局 --rule-set cn-ogi-2019 [...]`. */
@SubCommand({ name: 'create', description: 'Create an agency' })
export class AgenciesCreateCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(_args: string[], options: CreateOptions): Promise<void> {
    const missing = (['code', 'name', 'ruleSet'] as const).filter((k) => !options[k]);
    if (missing.length > 0) {
      const flags = missing.map((k) => `--${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`);
      process.stderr.write(`disclose: agencies create: missing ${flags.join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    await withIdentity(this.config, async (context) => {
      const agency = await context.get(AgenciesService).create({
        code: options.code,
        nameZh: options.name,
        nameEn: options.nameEn ?? null,
        ruleSet: options.ruleSet,
        timezone: options.timezone ?? this.config.defaultTimezone,
        parentCode: options.parent ?? null,
        receiptCutoff: options.receiptCutoff ?? null,
        contactEmail: options.contactEmail ?? null,
      });
      process.stdout.write(
        `Created agency ${agency.code} (${agency.id}): ${agency.nameZh}, ${agency.ruleSet}, ${agency.timezone}\n`,
      );
    });
  }

  @Option({
    flags: '--code <code>',
    description: 'Agency code, e.g. PLGT (upper-case letters, digits, hyphens)',
  })
  parseCode(v: string): string {
    return v;
  }
  @Option({ flags: '--name <name>', description: 'Chinese (or official) name' })
  parseName(v: string): string {
    return v;
  }
  @Option({ flags: '--name-en <name>', description: 'English name' })
  parseNameEn(v: string): string {
    return v;
  }
  @Option({
    flags: '--rule-set <id>',
    description: 'cn-ogi-2019, cn-ogi-2008, us-foia, uk-foia, uk-eir or scot-foisa',
  })
  parseRuleSet(v: string): string {
    return v;
  }
  @Option({ flags: '--timezone <zone>', description: 'IANA time zone (default: DEFAULT_TIMEZONE)' })
  parseTimezone(v: string): string {
    return v;
  }
  @Option({ flags: '--parent <code>', description: 'Code of the supervising agency' })
  parseParent(v: string): string {
    return v;
  }
  @Option({
    flags: '--receipt-cutoff <HH:MM>',
    description: 'Online filings after this count next working day',
  })
  parseReceiptCutoff(v: string): string {
    return v;
  }
  @Option({ flags: '--contact-email <email>', description: 'Public contact address' })
  parseContactEmail(v: string): string {
    return v;
  }
}

function printTree(nodes: AgencyNode[], depth = 0): void {
  for (const node of nodes) {
    const cutoff = node.receiptCutoff ? ` cutoff ${node.receiptCutoff}` : '';
    process.stdout.write(
      `${'  '.repeat(depth)}${node.code}  ${node.nameZh}  [${node.ruleSet}, ${node.timezone}${cutoff}]\n`,
    );
    printTree(node.children, depth + 1);
  }
}

/** `disclose agencies list`: the supervision tree. */
@SubCommand({ name: 'list', description: 'List agencies as a tree' })
export class AgenciesListCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    await withIdentity(this.config, async (context) => {
      const tree = await context.get(AgenciesService).tree();
      if (tree.length === 0) process.stdout.write('No agencies yet.\n');
      printTree(tree);
    });
  }
}

/** `disclose agencies <subcommand>`. */
@Command({
  name: 'agencies',
  description: 'Agencies',
  subCommands: [AgenciesCreateCommand, AgenciesListCommand],
})
export class AgenciesCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write(
      'disclose: agencies: missing subcommand; try `disclose agencies create` or `list`\n',
    );
    process.exitCode = 2;
  }
}
