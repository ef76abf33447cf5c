import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { ValidationError } from '@disclose/domain';
import { UsersService, type ApplicantTypeCode, type Locale, type UserView } from '@disclose/identity';
import { withIdentity } from './identity-cli.context';

interface CreateOptions {
  email: string;
  password: string;
  name: string;
  role: string;
  agency?: string;
  applicantType?: string;
  locale?: Locale;
}

/** `disclose users create --email E --password P --name N --role clerk --agency PLGT` (or an applicant). */
@SubCommand({ name: 'create', description: 'Create a staff account (or an applicant with --applicant-type)' })
export class UsersCreateCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(_args: string[], options: CreateOptions): Promise<void> {
    const missing = (['email', 'password', 'name', 'role'] as const).filter((k) => !options[k]);
    if (missing.length > 0) {
      process.stderr.write(`disclose: users create: missing ${missing.map((k) => `--${k}`).join(', ')}\n`);
      process.exitCode = 2;
      return;
    }
    await withIdentity(this.config, async (context) => {
      const users = context.get(UsersService);
      let user: UserView;
      if (options.role === 'applicant') {
        if (!options.applicantType)
          throw new ValidationError([{ field: 'applicant-type', code: 'required' }]);
        user = await users.createApplicant({
          email: options.email,
          password: options.password,
          name: options.name,
          applicantType: options.applicantType as ApplicantTypeCode,
          locale: options.locale,
        });
        // Created by an operator: the address is taken as verified (nobody would click the link).
        await context
          .get(DataSource)
          .query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [user.id]);
      } else {
        if (!options.agency) throw new ValidationError([{ field: 'agency', code: 'required' }]);
        user = await users.createStaff({
          email: options.email,
          password: options.password,
          name: options.name,
          role: options.role as 'clerk',
          agencyCode: options.agency,
          locale: options.locale,
        });
      }
      process.stdout.write(`Created ${user.role} ${user.email} (${user.id})\n`);
    });
  }

  @Option({ flags: '--email <email>', description: 'Sign-in email' })
  parseEmail(v: string): string {
    return v;
  }
  @Option({ flags: '--password <password>', description: 'Initial password (at least 10 characters)' })
  parsePassword(v: string): string {
    return v;
  }
  @Option({ flags: '--name <name>', description: 'Display name' })
  parseName(v: string): string {
    return v;
  }
  @Option({ flags: '--role <role>', description: 'clerk, supervisor, legal, admin or applicant' })
  parseRole(v: string): string {
    return v;
  }
  @Option({ flags: '--agency <code>', description: 'Agency code (staff)' })
  parseAgency(v: string): string {
    return v;
  }
  @Option({
    flags: '--applicant-type <type>',
    description: 'natural_person, commercial, research, ... (applicants)',
  })
  parseApplicantType(v: string): string {
    return v;
  }
  @Option({ flags: '--locale <locale>', description: 'zh-CN (default) or en' })
  parseLocale(v: string): string {
    return v;
  }
}

/** `disclose users <subcommand>`. */
@Command({ name: 'users', description: 'User accounts', subCommands: [UsersCreateCommand] })
export class UsersCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stderr.write('disclose: users: missing subcommand; try `disclose users create`\n');
    process.exitCode = 2;
  }
}
