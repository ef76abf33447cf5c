import { randomBytes } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { ValidationError } from '@disclose/domain';
import { MailModule } from '@disclose/mail';
import { testProcessEnv } from '@disclose/testing';
import { APPLICANT_DIRECTORY, type ApplicantDirectory } from '../contract';
import { AgenciesService } from '../agencies/agencies.service';
import { IdentityModule } from '../identity.module';
import { UsersService } from './users.service';

/** Staff and offline applicants against the run's PostgreSQL. */
// argon2id is deliberately slow (tens to hundreds of ms per hash, more on a busy machine).
jest.setTimeout(60_000);

describe(UsersService.name, () => {
  let moduleRef: TestingModule;
  let users: UsersService;
  let db: DataSource;
  const suffix = randomBytes(4).toString('hex');

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig(testProcessEnv())),
        DatabaseModule.forRoot('test'),
        MailModule,
        IdentityModule,
      ],
    }).compile();
    users = moduleRef.get(UsersService);
    db = moduleRef.get(getDataSourceToken());
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  it('matches an offline applicant by email in any case, else creates one without password', async () => {
    const directory = moduleRef.get<ApplicantDirectory>(APPLICANT_DIRECTORY);
    const email = `paper-${suffix}@example.org`;
    const input = { name: '赵六', applicantType: 'commercial' as const, email, address: '平凉市' };
    const first = await db.transaction((m) => directory.findOrCreateOfflineApplicant(m, input));
    expect(first.created).toBe(true);
    const again = await db.transaction((m) =>
      directory.findOrCreateOfflineApplicant(m, { ...input, email: email.toUpperCase() }),
    );
    expect(again).toEqual({ id: first.id, created: false });
    const [row] = await db.query(`SELECT password_hash, role, applicant_type FROM users WHERE id = $1`, [
      first.id,
    ]);
    expect(row).toEqual({ password_hash: null, role: 'applicant', applicant_type: 'commercial' });
    const noEmail = await db.transaction((m) =>
      directory.findOrCreateOfflineApplicant(m, { name: '无邮箱', applicantType: 'natural_person' }),
    );
    expect(noEmail.created).toBe(true);
  });

  it('creates staff in an agency and lists staff of the given agencies only', async () => {
    const agencies = moduleRef.get(AgenciesService);
    const a = await agencies.create({
      code: `STAFF-${suffix.toUpperCase()}`,
      nameZh: '局',
      ruleSet: 'cn-ogi-2019',
      timezone: 'Asia/Shanghai',
    });
    const clerk = await users.createStaff({
      email: `clerk-${suffix}@example.org`,
      password: 'clerk passphrase',
      name: 'Clerk',
      role: 'clerk',
      agencyCode: a.code,
    });
    expect(clerk).toMatchObject({ role: 'clerk', agencyId: a.id });
    expect((await users.listStaff([a.id])).map((u) => u.id)).toEqual([clerk.id]);
    await expect(
      users.createStaff({
        email: `x-${suffix}@example.org`,
        password: 'short',
        name: 'X',
        role: 'clerk',
        agencyCode: a.code,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
