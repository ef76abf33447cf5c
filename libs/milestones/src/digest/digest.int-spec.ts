import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import {
  createAgency,
  createUser,
  insertRequest,
  milestonesTestingModule,
  TestUser,
} from '../testing/milestones-fixture';
import { DigestService } from './digest.service';

/**
 * The daily digest (the maintenance processor's DIGEST_JOB, run every 10 minutes): once per working day
 * after the reminder hour, per user who chose it, in their language; run twice, one email. Time is
 * injected (March 2015, a period no other suite uses).
 */
describe(DigestService.name, () => {
  let module: TestingModule;
  let ds: DataSource;
  let digest: DigestService;
  let agencyId: string;
  let clerk: TestUser;
  let otherClerk: TestUser;
  let supervisor: TestUser;
  const tracking: Record<string, string> = {};

  const digestsOf = (user: TestUser) =>
    ds.query(`SELECT dedupe_key, locale, template, params FROM outbox WHERE recipient_user_id = $1`, [
      user.id,
    ]) as Promise<Array<{ dedupe_key: string; locale: string; template: string; params: any }>>;

  beforeAll(async () => {
    ({ module } = await milestonesTestingModule());
    ds = module.get(DataSource);
    digest = module.get(DigestService);
    agencyId = await createAgency(ds);
    clerk = await createUser(ds, 'clerk', agencyId, 'en', { digest: true });
    otherClerk = await createUser(ds, 'clerk', agencyId, 'zh-CN');
    supervisor = await createUser(ds, 'supervisor', agencyId, 'zh-CN', { digest: true });
    const applicant = await createUser(ds, 'applicant', null, 'en');
    const requests: Array<[string, string | null, string]> = [
      ['mine soon', clerk.id, '2015-03-18'],
      ['unassigned', null, '2015-03-20'],
      ['mine overdue', clerk.id, '2015-03-10'],
      ['other clerk', otherClerk.id, '2015-03-19'],
      ['mine far', clerk.id, '2015-04-30'],
    ];
    for (const [name, assigneeId, dueOn] of requests)
      tracking[name] = (
        await insertRequest(ds, { agencyId, applicantId: applicant.id, assigneeId, dueOn })
      ).trackingNumber;
  }, 60_000);

  afterAll(async () => {
    await ds?.query(`UPDATE requests SET status = 'closed' WHERE agency_id = $1`, [agencyId]);
    await module?.close();
  });

  it('sends nothing before the reminder hour or on a weekend', async () => {
    await digest.run(new Date('2015-03-16T00:30:00Z')); // Monday 08:30 in Shanghai
    await digest.run(new Date('2015-03-15T02:00:00Z')); // Sunday 10:00
    expect(await digestsOf(clerk)).toEqual([]);
    expect(await digestsOf(supervisor)).toEqual([]);
  });

  it('sends each user who chose it one digest a day, in their language, with what is due and overdue', async () => {
    const monday = new Date('2015-03-16T02:00:00Z'); // 10:00 in Shanghai
    await digest.run(monday);
    await digest.run(new Date(monday.getTime() + 10 * 60_000));
    const [mine] = await digestsOf(clerk);
    expect(await digestsOf(clerk)).toHaveLength(1);
    expect(mine).toMatchObject({
      dedupe_key: `digest:${clerk.id}:2015-03-16`,
      locale: 'en',
      template: 'clerk_digest',
    });
    // The clerk's own and the unassigned requests, most urgent first; not another clerk's, not the far one.
    expect(mine.params.items.map((i: { trackingNumber: string }) => i.trackingNumber)).toEqual([
      tracking['mine overdue'],
      tracking['mine soon'],
      tracking['unassigned'],
    ]);
    expect(mine.params.items[0]).toMatchObject({ dueOn: '2015-03-10', daysLeft: -4 }); // 11, 12, 13, 16 March
    expect(mine.params.items[1]).toMatchObject({ dueOn: '2015-03-18', daysLeft: 2 });
    // The supervisor sees the whole agency's, in Chinese.
    const sup = await digestsOf(supervisor);
    expect(sup).toHaveLength(1);
    expect(sup[0].locale).toBe('zh-CN');
    expect(sup[0].params.items).toHaveLength(4);
    // A clerk who did not choose it gets none (the single reminders instead).
    expect(await digestsOf(otherClerk)).toEqual([]);
    // The next working day: a new one.
    await digest.run(new Date('2015-03-17T02:00:00Z'));
    expect((await digestsOf(clerk)).map((d) => d.dedupe_key).sort()).toEqual([
      `digest:${clerk.id}:2015-03-16`,
      `digest:${clerk.id}:2015-03-17`,
    ]);
  });
});
