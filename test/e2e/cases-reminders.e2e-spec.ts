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
