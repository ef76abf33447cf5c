import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigModule } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { DomainError, ValidationError, formatMessage } from '@disclose/domain';
import { IdentityModule } from '@disclose/identity';
import { MailModule } from '@disclose/mail';

/** The identity services with their database, opened only by the commands that need them. */
@Module({})
class IdentityCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityCliModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot('cli'), MailModule, IdentityModule],
    };
  }
}

/** One line for an operator: the domain message, plus each bad field. */
export function describeCliError(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = error.fields.map((f) => `${f.field} (${f.code.replace(/_/g, ' ')})`).join(', ');
    return `invalid input: ${fields}`;
  }
  if (error instanceof DomainError) {
    const message = formatMessage(error.code, error.params, 'en');
    // "Agency not found." says nothing about which: name it.
    return error.code.endsWith('.NOT_FOUND') && error.params.id ? `${message} (${error.params.id})` : message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs `fn` with a Nest context holding IdentityModule; any failure prints one line and sets exit code 1. */
export async function withIdentity(
  config: AppConfig,
  fn: (context: INestApplicationContext) => Promise<void>,
): Promise<void> {
  let context: INestApplicationContext | undefined;
  try {
    context = await NestFactory.createApplicationContext(IdentityCliModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
    await fn(context);
  } catch (error) {
    process.stderr.write(`disclose: ${describeCliError(error)}\n`);
    process.exitCode = 1;
  } finally {
    await context?.close();
  }
}
