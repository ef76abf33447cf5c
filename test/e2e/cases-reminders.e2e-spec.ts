import { computeLegalDeadline } from '@disclose/deadlines';
import { hashPassword } from '@disclose/identity';
import { casesSuite, decidedRequest } from './cases.fixtures';

const byKey = (c: { deadlines: Array<{ key: string; dueOn: string }> }) =>
  Object.fromEntries(c.deadlines.map((d) => [d.key, d.dueOn]));

/** Issue 6 end to end: case deadlines become milestones for the legal staff member in charge. */
describe('cases: legal deadline reminders (built api + worker)', () => {
  const s = casesSuite();

  it('legal deadlines drive reminders to the legal owner; an overdue defence is emailed; the outcome cancels them', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn: string = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`))
      .body.replyOn;
    const recon = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      filedOn: replyOn,
      acceptedOn: replyOn,
    });
    const planned = await milestonesOf(recon.body.id);
    expect(planned.filter((m) => m.status === 'pending').map((m) => m.kind)).toEqual([
      'case:decision_due:due_in_5',
      'case:decision_due:due_in_2',
      'case:decision_due:due_tomorrow',
      'case:decision_due:due_today',
      'case:decision_due:overdue',
    ]);
    expect(planned.every((m) => JSON.stringify(m.recipients) === '["legal_owner"]')).toBe(true);
    expect(planned[0].payload).toMatchObject({ dueOn: byKey(recon.body).decision_due, key: 'decision_due' });

    // A lawsuit served five weeks ago: the defence (行诉法 Art. 67, 15 days) is overdue, so its reminder is
    // due at once and the worker emails the legal staff member in charge.
    const served = new Date(`${replyOn}T00:00:00Z`);
    served.setUTCDate(served.getUTCDate() - 35);
    const servedOn = served.toISOString().slice(0, 10);
    const suit = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_direct',
      filedOn: servedOn,
      servedOn,
    });
    expect(suit.status).toBe(201);
    expect((await milestonesOf(suit.body.id)).map((m) => m.kind)).toContain('case:defence_due:overdue');
    const email = await waitFor(() =>
      s.smtp.messages.find((m) => JSON.stringify(m.to).includes(s.world.emails.legal)),
    );
    expect(email.text ?? email.html).toBeTruthy();
    const fired = await waitFor(async () =>
      (await milestonesOf(suit.body.id)).find((m) => m.status === 'fired'),
    );
    expect(fired.kind).toBe('case:defence_due:overdue');

    await s.http('legal', 'POST', `/api/v1/cases/${recon.body.id}/outcome`, {
      disposition: 'withdrawn',
      decidedOn: replyOn,
    });
    expect((await milestonesOf(recon.body.id)).filter((m) => m.status === 'pending')).toEqual([]);
  }, 60_000);

  it('a 复议 served on the agency gets its Art. 48 defence deadline; a hearing reminds the legal owner before and on the day, moves and is cancelled with it', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn: string = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`))
      .body.replyOn;
    const recon = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      filedOn: replyOn,
      acceptedOn: replyOn,
      servedOn: replyOn,
    });
    expect(recon.status).toBe(201);
    const defence = recon.body.deadlines.find((d: any) => d.key === 'defence_due');
    expect(defence).toMatchObject({
      legalKind: 'cn-reconsideration-defence',
      dueOn: computeLegalDeadline({ kind: 'cn-reconsideration-defence', from: replyOn }).dueOn,
      remind: true,
    });
    expect(defence.trace.join(' ')).toContain('Art. 48');
    expect((await milestonesOf(recon.body.id)).map((m) => m.kind)).toContain('case:defence_due:due_today');

    // Reminders at midnight: whatever the hour of the run, the reminder one working day before a hearing
    // tomorrow is already due, so it fires at once.
    await s.db.query(`UPDATE agencies SET reminder_hour = 0 WHERE id = $1`, [s.world.agencies.cn.id]);
    const place = `第三审判庭 ${Date.now()}`;
    const tomorrow = addDays(civilToday('Asia/Shanghai'), 1);
    const bad = await s.http('legal', 'POST', `/api/v1/cases/${recon.body.id}/hearings`, {
      heldAt: 'next tuesday',
      place: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['heldAt', 'place']);
    const added = await s.http('legal', 'POST', `/api/v1/cases/${recon.body.id}/hearings`, {
      heldAt: `${tomorrow}T09:30:00+08:00`,
      place,
      notes: '准备答辩要点',
    });
    expect(added.status).toBe(201);
    const hearingId = added.body.id;
    const prefix = `case:hearing:${hearingId}:`;
    const hearingReminders = async () =>
      (await milestonesOf(recon.body.id)).filter((m) => m.kind.startsWith(prefix));
    const planned = await hearingReminders();
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((m) => ['due_tomorrow', 'due_today'].includes(m.kind.slice(prefix.length)))).toBe(
      true,
    );
    expect(planned.map((m) => m.payload.dueOn)).toEqual(planned.map(() => tomorrow));
    // On the day: the agency's reminder hour is midnight, but a hearing's reminder comes no earlier than
    // 07:00 (and at least 2 h before it: 07:00 for 09:30).
    const [dayOf] = (
      await s.db.query(
        `SELECT due_at FROM milestones WHERE subject_type = 'case' AND subject_id = $1 AND kind = $2`,
        [recon.body.id, `${prefix}due_today`],
      )
    ).rows;
    expect(dayOf.due_at).toEqual(new Date(`${tomorrow}T07:00:00+08:00`));
    const email = await waitFor(() =>
      s.smtp.messages.find(
        (m) => (m.text ?? '').includes(place) && JSON.stringify(m.to).includes(s.world.emails.legal),
      ),
    );
    expect(email.text).toContain(`${tomorrow} 09:30`);
    expect(email.subject).toContain('Hearing');

    const applicantView = await s.http('applicantA', 'GET', `/api/v1/cases/${recon.body.id}`);
    expect(applicantView.body.hearings).toEqual([{ id: hearingId, heldAt: added.body.heldAt, place }]);
    expect(
      (await s.http('clerk', 'PATCH', `/api/v1/cases/${recon.body.id}/hearings/${hearingId}`, { place: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (
        await s.http(
          'legal',
          'PATCH',
          `/api/v1/cases/${recon.body.id}/hearings/00000000-0000-4000-8000-000000000000`,
          { place: 'x' },
        )
      ).status,
    ).toBe(404);

    // Adjourned by three weeks: the pending reminders of the old day are cancelled, three new ones planned.
    const later = addDays(tomorrow, 21);
    const moved = await s.http('legal', 'PATCH', `/api/v1/cases/${recon.body.id}/hearings/${hearingId}`, {
      heldAt: `${later}T14:00:00+08:00`,
    });
    expect(moved.status).toBe(200);
    const pending = (await hearingReminders()).filter((m) => m.status === 'pending');
    expect(pending.map((m) => [m.kind.slice(prefix.length), m.payload.dueOn])).toEqual([
      ['due_in_5', later],
      ['due_tomorrow', later],
      ['due_today', later],
    ]);

    const removed = await s.http('legal', 'DELETE', `/api/v1/cases/${recon.body.id}/hearings/${hearingId}`);
    expect(removed.status).toBe(204);
    expect((await hearingReminders()).filter((m) => m.status === 'pending')).toEqual([]);
    const trail = (await s.http('legal', 'GET', `/api/v1/cases/${recon.body.id}`)).body.events.map(
      (e: any) => e.type,
    );
    expect(trail).toEqual(['recorded', 'hearing_added', 'hearing_updated', 'hearing_removed']);
  }, 60_000);

  it('loading calendar overrides moves an open case’s deadline and its reminders (PUT calendar-overrides)', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantB', 'clerk');
    const replyOn: string = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`))
      .body.replyOn;
    const recon = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      filedOn: replyOn,
      servedOn: replyOn,
    });
    const before = computeLegalDeadline({ kind: 'cn-reconsideration-defence', from: replyOn }).dueOn;
    expect(byKey(recon.body).defence_due).toBe(before);
    // The first day inside the 10 working days whose closure moves the deadline (a working day).
    let closure = addDays(replyOn, 1);
    const moved = (day: string) =>
      computeLegalDeadline({
        kind: 'cn-reconsideration-defence',
        from: replyOn,
        calendar: { holidays: [day], workdays: [] },
      }).dueOn;
    while (moved(closure) === before) closure = addDays(closure, 1);
    const after = moved(closure);

    const email = `admin-${Date.now()}@cases.test`;
    await s.db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       VALUES ($1, $2, 'admin', 'admin', $3, 'en', now())`,
      [email, await hashPassword('correct horse battery staple'), s.world.agencies.cn.id],
    );
    const login = await fetch(`${s.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const code = s.world.agencies.cn.code;
    const put = await fetch(`${s.base}/api/v1/agencies/${code}/calendar-overrides/${closure.slice(0, 4)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ holidays: [closure], workdays: [] }),
    });
    expect(put.status).toBe(200);
    const answer = (await put.json()) as { casesChanged: unknown[] };
    expect(answer.casesChanged).toContainEqual({
      id: recon.body.id,
      requestId,
      trackingNumber: expect.any(String),
      key: 'defence_due',
      from: before,
      to: after,
    });
    const now = await s.http('legal', 'GET', `/api/v1/cases/${recon.body.id}`);
    expect(byKey(now.body).defence_due).toBe(after);
    expect(now.body.events.map((e: any) => e.type)).toContain('deadlines_recomputed');
    const dayOf = (await milestonesOf(recon.body.id)).filter((m) => m.kind === 'case:defence_due:due_today');
    expect(dayOf.map((m) => [m.status, m.payload.dueOn])).toEqual(
      expect.arrayContaining([
        ['cancelled', before],
        ['pending', after],
      ]),
    );
  }, 60_000);

  async function milestonesOf(
    caseId: string,
  ): Promise<Array<{ kind: string; status: string; recipients: unknown; payload: any }>> {
    const result = await s.db.query(
      `SELECT kind, status, recipients, payload FROM milestones WHERE subject_type = 'case' AND subject_id = $1 ORDER BY due_at, kind`,
      [caseId],
    );
    return result.rows;
  }

  async function waitFor<T>(
    probe: () => T | undefined | Promise<T | undefined>,
    timeoutMs = 30_000,
  ): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
});

function civilToday(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
