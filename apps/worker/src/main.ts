import 'reflect-metadata';
import { loadConfigOrExit } from '@disclose/config';

async function main(): Promise<void> {
  // Validate before loading the application: a bad value answers at once, not after Nest has loaded.
  const config = loadConfigOrExit();
  const [{ NestFactory }, { Logger }, { WorkerModule }] = await Promise.all([
    import('@nestjs/core'),
    import('nestjs-pino'),
    import('./worker.module'),
  ]);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  await app.init();
  logger.log(`worker ready (queue backend: ${config.queueBackend})`, 'worker');
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
