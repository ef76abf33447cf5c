import { Command, CommandRunner } from 'nest-commander';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@disclose/config';
import { createDataSource, migrateWithLock } from '@disclose/database';

/** `disclose migrate`: applies pending migrations under a PostgreSQL advisory lock. */
@Command({
  name: 'migrate',
  description: 'Apply pending database migrations (safe to run from several processes at once)',
})
export class MigrateCommand extends CommandRunner {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const dataSource = createDataSource(this.config, 'disclose-migrate');
    await dataSource.initialize();
    try {
      const applied = await migrateWithLock(dataSource);
      process.stdout.write(
        applied.length === 0
          ? 'Database is up to date.\n'
          : `Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  }
}
