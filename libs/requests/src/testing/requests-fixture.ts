import { Test, TestingModule } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { IdentityModule, type AuthUser, type Role } from '@disclose/identity';
import { MailModule } from '@disclose/mail';
import { MilestonesModule } from '@disclose/milestones';
import { testProcessEnv } from '@disclose/testing';
import { RequestsModule } from '../requests.module';

/** An in-process Nest context with the requests services on the run's database (integration tests). */
export async function requestsTestingModule(): Promise<TestingModule> {
  const storage = mkdtempSync(join(tmpdir(), 'disclose-docs-'));
  const config = loadConfig({ ...testProcessEnv(), STORAGE_DIR: storage });
  return Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot('test'),
      MailModule,
      IdentityModule,
      MilestonesModule,
      RequestsModule,
    ],
  }).compile();
}

export const suffix = (): string => randomBytes(3).toString('hex').toUpperCase();

/** A fresh agency (unique code) straight in SQL, so suites never collide. */
export async function createAgency(
  ds: DataSource,
  opts: { code?: string; ruleSet?: string; parentId?: string | null; cutoff?: string | null } = {},
): Promise<{ id: string; code: string }> {
  const code = opts.code ?? `T${suffix()}`;
  const [row] = await ds.query(
    `INSERT INTO agencies (code, name_zh, rule_set, timezone, parent_id, receipt_cutoff)
     VALUES ($1, $2, $3, 'Asia/Shanghai', $4, $5) RETURNING id`,
    [code, `测试局${code}`, opts.ruleSet ?? 'cn-ogi-2019', opts.parentId ?? null, opts.cutoff ?? null],
  );
  return { id: row.id, code };
}

/** A user straight in SQL, returned as the AuthUser the services receive. */
export async function createUser(ds: DataSource, role: Role, agencyId: string | null): Promise<AuthUser> {
  const email = `${role}-${suffix()}@example.test`.toLowerCase();
  const applicant = role === 'applicant';
  const [row] = await ds.query(
    `INSERT INTO users (email, name, role, agency_id, applicant_type, locale) VALUES ($1, $2, $3, $4, $5, 'en') RETURNING id`,
    [email, `${role} ${email}`, role, applicant ? null : agencyId, applicant ? 'natural_person' : null],
  );
  return {
    id: row.id,
    role,
    agencyId: applicant ? null : agencyId,
    email,
    name: email,
    locale: 'en',
    applicantType: applicant ? 'natural_person' : null,
    sessionId: 'test',
  };
}
