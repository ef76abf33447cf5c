import { randomBytes } from 'node:crypto';
import { Test, TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@disclose/config';
import { DatabaseModule } from '@disclose/database';
import { ConflictError, NotFoundError, ValidationError } from '@disclose/domain';
import { MailModule } from '@disclose/mail';
import { testProcessEnv } from '@disclose/testing';
import { AGENCY_DIRECTORY, type AgencyDirectory, type AuthUser } from '../contract';
import { IdentityModule } from '../identity.module';
import { AgenciesService } from './agencies.service';

function user(role: AuthUser['role'], agencyId: string | null): AuthUser {
  return {
    id: 'u',
    role,
    agencyId,
    email: null,
    name: 'n',
    locale: 'en',
    applicantType: null,
    sessionId: 's',
  };
}

/** The agency tree against the run's PostgreSQL; codes carry a random suffix so suites never collide. */
// argon2id is deliberately slow (tens to hundreds of ms per hash, more on a busy machine).
jest.setTimeout(60_000);

describe(AgenciesService.name, () => {
  let moduleRef: TestingModule;
  let agencies: AgenciesService;
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const code = (name: string) => `${name}-${suffix}`;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig(testProcessEnv())),
        DatabaseModule.forRoot('test'),
        MailModule,
        IdentityModule,
      ],
    }).compile();
    agencies = moduleRef.get(AgenciesService);
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  it('sees an agency and every agency below it, not its parent or siblings', async () => {
    const base = { ruleSet: 'cn-ogi-2019', timezone: 'Asia/Shanghai' };
    const city = await agencies.create({ ...base, code: code('CITY'), nameZh: '市局' });
    const county = await agencies.create({
      ...base,
      code: code('COUNTY'),
      nameZh: '县局',
      parentCode: city.code,
    });
    const town = await agencies.create({
      ...base,
      code: code('TOWN'),
      nameZh: '镇',
      parentCode: county.code,
    });
    const other = await agencies.create({
      ...base,
      code: code('OTHER'),
      nameZh: '另一县局',
      parentCode: city.code,
    });

    const directory = moduleRef.get<AgencyDirectory>(AGENCY_DIRECTORY);
    expect((await directory.visibleAgencyIds(user('clerk', city.id))).sort()).toEqual(
      [city.id, county.id, town.id, other.id].sort(),
    );
    expect((await directory.visibleAgencyIds(user('supervisor', county.id))).sort()).toEqual(
      [county.id, town.id].sort(),
    );
    expect(await directory.visibleAgencyIds(user('clerk', town.id))).toEqual([town.id]);
    expect(await directory.visibleAgencyIds(user('applicant', null))).toEqual([]);
    const all = await directory.visibleAgencyIds(user('admin', town.id));
    expect(all).toEqual(expect.arrayContaining([city.id, county.id, town.id, other.id]));

    const tree = await agencies.tree();
    const root = tree.find((n) => n.id === city.id);
    expect(root?.children.map((c) => c.code).sort()).toEqual([county.code, other.code].sort());
    expect(root?.children.find((c) => c.id === county.id)?.children.map((c) => c.code)).toEqual([town.code]);
  });

  it('stores the settings the deadline engine needs and reads them by code in any letter case', async () => {
    const created = await agencies.create({
      code: code('cut').toLowerCase(),
      nameZh: '截止局',
      nameEn: 'Cut-off bureau',
      ruleSet: 'uk-foia',
      timezone: 'Europe/London',
      receiptCutoff: '17:30',
      contactEmail: 'foi@example.org',
    });
    expect(created).toMatchObject({
      code: code('CUT'),
      receiptCutoff: '17:30',
      cnFeeMode: 'pause',
      reminderHour: 9,
    });
    expect(await agencies.getByCode(code('cut').toLowerCase())).toEqual(created);
    const updated = await agencies.updateSettings(created.code, { receiptCutoff: null, reminderHour: 8 });
    expect(updated).toMatchObject({ receiptCutoff: null, reminderHour: 8, timezone: 'Europe/London' });
  });

  it('refuses a taken code, a missing parent, an unknown rule set, a bad time zone and cut-off', async () => {
    const base = { nameZh: '局', ruleSet: 'us-foia', timezone: 'America/New_York' };
    await agencies.create({ ...base, code: code('DUP') });
    await expect(agencies.create({ ...base, code: code('DUP') })).rejects.toBeInstanceOf(ConflictError);
    await expect(
      agencies.create({ ...base, code: code('ORPHAN'), parentCode: 'NO-SUCH' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const invalid = agencies.create({
      ...base,
      code: 'bad code',
      ruleSet: 'x',
      timezone: 'Mars/Base',
      receiptCutoff: '25:00',
    });
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    await invalid.catch((error: ValidationError) => {
      expect(error.fields.map((f) => f.field).sort()).toEqual([
        'code',
        'receiptCutoff',
        'ruleSet',
        'timezone',
      ]);
    });
    expect(await agencies.getByCode('bad code')).toBeNull();
  });
});
