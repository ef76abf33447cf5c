import 'reflect-metadata';
import { loadConfigOrExit } from '@disclose/config';

async function main(): Promise<void> {
  // Validate before loading the application: a bad value answers at once, not after Nest has loaded.
  const config = loadConfigOrExit();
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
