import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@disclose/identity';
import { createAgency, createUser, requestsTestingModule, suffix } from '../testing/requests-fixture';
import { RequestListService } from './request-list.service';

/**
 * `?overdue=true`: a request is overdue when its due date is before today *in its agency's time zone*.
 * Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart, so at any moment at least one of them has
 * another date than the database server: a comparison with the server's date fails there.
 */
describe(`${RequestListService.name} overdue filter`, () => {
  let module: TestingModule;
  let ds: DataSource;
  let sut: RequestListService;
  let clerk: AuthUser;
  const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];
  const expectedOverdue: string[] = [];
  const notOverdue: string[] = [];

  beforeAll(async () => {
    module = await requestsTestingModule();
    ds = module.get(DataSource);
    sut = module.get(RequestListService);
    const parent = await createAgency(ds);
    clerk = await createUser(ds, 'clerk', parent.id);
    const applicant = await createUser(ds, 'applicant', null);
    for (const zone of zones) {
      const agency = await createAgency(ds, { parentId: parent.id });
      await ds.query(`UPDATE agencies SET timezone = $2 WHERE id = $1`, [agency.id, zone]);
      // Due yesterday (local): overdue. Due today (local): not yet. Yesterday but decided: not overdue.
      for (const [days, status, overdue] of [
        [-1, 'received', true],
        [0, 'received', false],
        [-1, 'decided', false],
      ] as const) {
        const tracking = `${agency.code}-2026-${suffix()}`;
        const [row] = await ds.query(
          `INSERT INTO requests (tracking_number, agency_id, applicant_id, subject, description, delivery_method,
             channel, received_on, rule_set, status, due_on, applicant_type, created_by)
           VALUES ($1, $2, $3, 'overdue test', 'overdue test', 'electronic', 'online', '2026-01-05', 'cn-ogi-2019',
             $4, (now() AT TIME ZONE $5)::date + $6::int, 'natural_person', $3)
           RETURNING id`,
          [tracking, agency.id, applicant.id, status, zone, days],
        );
        (overdue ? expectedOverdue : notOverdue).push(row.id);
      }
    }
  }, 60_000);

  afterAll(() => module?.close());

  it("lists exactly the open requests due before today in their agency's zone", async () => {
    const page = await sut.list(clerk, { overdue: true, pageSize: 100 });
    const ids = (page.items as Array<{ id: string }>).map((i) => i.id);
    expect([...ids].sort()).toEqual([...expectedOverdue].sort());
    for (const id of notOverdue) expect(ids).not.toContain(id);
  });
});
