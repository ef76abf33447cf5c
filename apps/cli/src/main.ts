import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { loadConfigOrExit } from '@disclose/config';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      process.stderr.write(`disclose: ${error.message}\n`);
      process.exitCode = process.exitCode || 2;
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(`disclose: ${error.message}\n`);
      process.exitCode = process.exitCode || 1;
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`disclose: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
