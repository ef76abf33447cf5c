import { Test, TestingModule } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { IdentityModule, type AuthUser, type Role } from '@disclose/identity';
import { MailModule } from '@disclose/mail';
import { MilestonesModule } from '@disclose/milestones';
import { testProcessEnv } from '@disclose/testing';
import { CasesModule } from '../cases.module';
import { CASES_CLOCK } from '../cases.tokens';

/**
 * The cases services over the test run's PostgreSQL and Redis, as the integration specs use them: config
 * from the test environment, documents in a fresh temporary directory, and the cases clock fixed at `now`
 * when given.
 */
export async function casesTestingModule(storagePrefix: string, now?: Date): Promise<TestingModule> {
  const config = loadConfig({
    ...testProcessEnv(),
    STORAGE_DIR: mkdtempSync(join(tmpdir(), storagePrefix)),
  });
  const builder = Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot('test'),
      MailModule,
      IdentityModule,
      MilestonesModule,
      CasesModule,
    ],
  });
  if (now) builder.overrideProvider(CASES_CLOCK).useValue({ now: () => now });
  return builder.compile();
}

/**
 * A user row and the AuthUser a session would give: staff belong to `agencyId`; an applicant belongs to no
 * agency and is a natural person. `domain` keeps each spec's emails apart.
 */
export async function insertTestUser(
  ds: DataSource,
  role: Role,
  agencyId: string | null,
  domain: string,
): Promise<AuthUser> {
  const email = `${role}-${randomBytes(3).toString('hex')}@${domain}`.toLowerCase();
  const staff = role !== 'applicant';
  const [row] = await ds.query(
    `INSERT INTO users (email, name, role, agency_id, applicant_type) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, email, role, staff ? agencyId : null, staff ? null : 'natural_person'],
  );
  return {
    id: row.id,
    role,
    agencyId: staff ? agencyId : null,
    email,
    name: email,
    locale: 'en',
    applicantType: staff ? null : 'natural_person',
    sessionId: 't',
  };
}
