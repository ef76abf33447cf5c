import { computeDeadline, computeLegalDeadline } from '@disclose/deadlines';
import { hashPassword } from '@disclose/identity';
import { AppProcess } from '@disclose/testing';
import { casesSuite, decidedRequest } from './cases.fixtures';

const due = (kind: Parameters<typeof computeLegalDeadline>[0]['kind'], from: string) =>
  computeLegalDeadline({ kind, from }).dueOn;
const byKey = (c: { deadlines: Array<{ key: string; dueOn: string }> }) =>
  Object.fromEntries(c.deadlines.map((d) => [d.key, d.dueOn]));

/** Issue 6 end to end: UK internal review and US appeal filed online by the applicant; who sees and writes what. */
describe('cases: online review and appeal, access by role (built api + worker)', () => {
  const s = casesSuite();

  it('UK internal review: filed online by the applicant, 20 WD to decide, affirmed', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.uk.code, 'applicantA', 'ukClerk');
    const windows = await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}/challenge-windows`);
    expect(windows.body.windows.map((w: any) => w.caseKind)).toEqual(['internal_review']);
    // Shown on the request itself, to the applicant and to the agency's clerk alike.
    for (const who of ['applicantA', 'ukClerk'] as const) {
      const shown = await s.http(who, 'GET', `/api/v1/requests/${requestId}`);
      expect([who, shown.body.challengeWindows]).toEqual([who, windows.body]);
    }
    expect(windows.body).toMatchObject({
      replyOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      challengeableUntil: windows.body.windows[0].dueOn,
    });
    expect(windows.body.windows[0]).toMatchObject({ open: true, legalKind: 'uk-internal-review' });
    const usKind = await s.http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'us_appeal',
      grounds: 'x',
    });
    expect(usKind.status).toBe(400);
    const staffFields = await s.http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'internal_review',
      grounds: 'The exemption does not apply.',
      internalNotes: 'sneaky',
    });
    expect(staffFields.status).toBe(400);
    expect(
      (
        await s.http('applicantB', 'POST', `/api/v1/requests/${requestId}/cases`, {
          kind: 'internal_review',
          grounds: 'x',
        })
      ).status,
    ).toBe(404);

    const filed = await s.http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'internal_review',
      grounds: 'The exemption does not apply.',
    });
    expect(filed.status).toBe(201);
    const filedOn = filed.body.filedOn;
    expect(filed.body).not.toHaveProperty('internalNotes');
    expect(filed.body.late).toBe(false);
    const twice = await s.http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'internal_review',
      grounds: 'Again.',
    });
    expect([twice.status, twice.type]).toEqual([409, expect.stringContaining('application/problem+json')]);
    expect(
      (await s.db.query(`SELECT count(*)::int AS n FROM cases WHERE request_id = $1`, [requestId])).rows[0].n,
    ).toBe(1);
    expect(byKey(filed.body).decision_due).toBe(due('uk-internal-review', filedOn));
    const decided = await s.http('ukLegal', 'POST', `/api/v1/cases/${filed.body.id}/outcome`, {
      disposition: 'affirmed',
      decidedOn: filedOn,
    });
    expect(decided.body).toMatchObject({ outcome: 'upheld', disposition: 'affirmed' });
    const mine = await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}/cases`);
    expect(mine.body).toEqual([
      expect.objectContaining({ id: filed.body.id, kind: 'internal_review', outcome: 'upheld' }),
    ]);
  });

  it('US appeal: filed online, 20 WD decision deadline, partly reversed reopens the request', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.us.code, 'applicantA', 'usClerk');
    const windows = await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}/challenge-windows`);
    const replyOn = windows.body.replyOn;
    expect(windows.body.windows).toEqual([
      expect.objectContaining({ caseKind: 'us_appeal', dueOn: due('us-appeal-filing', replyOn), open: true }),
    ]);
    expect((await s.http('usClerk', 'GET', `/api/v1/requests/${requestId}`)).body.challengeWindows).toEqual(
      windows.body,
    );
    const filed = await s.http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'us_appeal',
      grounds: 'Adequate search?',
    });
    expect(filed.status).toBe(201);
    expect(byKey(filed.body)).toEqual({
      filing_window: due('us-appeal-filing', replyOn),
      decision_due: due('us-appeal-decision', filed.body.filedOn),
    });
    const decided = await s.http('usLegal', 'POST', `/api/v1/cases/${filed.body.id}/outcome`, {
      disposition: 'partly_reversed',
      decidedOn: filed.body.filedOn,
    });
    expect(decided.status).toBe(200);
    const expectedDue = computeDeadline({ ruleSet: 'us-foia', receivedOn: filed.body.filedOn }).dueOn;
    expect(decided.body).toMatchObject({ outcome: 'corrected', reopenedDueOn: expectedDue });
    expect((await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}`)).body).toMatchObject({
      status: 'in_progress',
      deadline: expect.objectContaining({ dueOn: expectedDue }),
      // Reopened: the reply is being redone, there is nothing to challenge until the new one.
      challengeWindows: { replyOn: null, challengeableUntil: null, windows: [] },
    });
  });

  it('a late online review is refused (422 naming the last day, en and zh-CN), nothing written; legal staff record a late one, flagged late', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.uk.code, 'applicantA', 'ukClerk');
    // The reply was given 120 days ago: its 40 working days to ask for a review are over.
    await s.db.query(`UPDATE requests SET decided_on = decided_on - 120 WHERE id = $1`, [requestId]);
    const windows = (await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}/challenge-windows`))
      .body;
    const lastDay = windows.windows[0].dueOn;
    expect(windows.windows[0]).toMatchObject({ caseKind: 'internal_review', open: false });
    const cases = async () =>
      (await s.db.query(`SELECT count(*)::int AS n FROM cases WHERE request_id = $1`, [requestId])).rows[0].n;

    const late = await s.http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'internal_review',
      grounds: 'I was abroad.',
    });
    expect([late.status, late.type]).toEqual([422, expect.stringContaining('application/problem+json')]);
    expect(late.body).toMatchObject({
      code: 'CASE.FILING_WINDOW_CLOSED',
      detail: expect.stringContaining(`the last day was ${lastDay}`),
    });
    expect(await cases()).toBe(0);

    // An applicant who reads Chinese is told in Chinese.
    const email = `zh-${Date.now()}@cases.test`;
    await s.db.query(
      `INSERT INTO users (email, password_hash, name, role, applicant_type, locale, email_verified_at)
       VALUES ($1, $2, '张三', 'applicant', 'natural_person', 'zh-CN', now())`,
      [email, await hashPassword('correct horse battery staple')],
    );
    const login = await fetch(`${s.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const zh = (path: string, body: unknown) =>
      fetch(`${s.base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const zhRequest = (await (
      await zh('/api/v1/requests', {
        agencyCode: s.world.agencies.uk.code,
        subject: '会议纪要',
        description: '2025年全部会议纪要。',
      })
    ).json()) as { id: string };
    await s.http('ukClerk', 'POST', `/api/v1/requests/${zhRequest.id}/decision`, {
      outcome: 'withheld.state_secret',
      reasons: ['s.35'],
      message: 'Withheld.',
    });
    await s.db.query(`UPDATE requests SET decided_on = $2 WHERE id = $1`, [zhRequest.id, windows.replyOn]);
    const zhLate = await zh(`/api/v1/requests/${zhRequest.id}/cases`, {
      kind: 'internal_review',
      grounds: '出国。',
    });
    expect(zhLate.status).toBe(422);
    expect(((await zhLate.json()) as { detail: string }).detail).toContain(`最后一日为 ${lastDay}`);

    // A paper application received late: legal staff may still record it; the case says it was late.
    const paper = await s.http('ukLegal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'internal_review',
      filedOn: windows.today,
      grounds: 'Letter received after the 40 working days.',
    });
    expect([paper.status, paper.body.late]).toEqual([201, true]);
    expect((await s.http('ukLegal', 'GET', `/api/v1/cases/${paper.body.id}`)).body.late).toBe(true);
    expect((await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}/cases`)).body).toEqual([
      expect.objectContaining({ id: paper.body.id, late: true }),
    ]);
    const [recorded] = (
      await s.db.query(`SELECT payload FROM case_events WHERE case_id = $1 AND type = 'recorded'`, [
        paper.body.id,
      ])
    ).rows;
    expect(recorded.payload).toMatchObject({ late: true });
  });

  it('access: applicants see their own cases without notes; other agencies 404; clerks read but cannot write', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    // A Chinese reply: 60 days to apply for reconsideration (Art. 20), 6 months to sue (Art. 46), on the request.
    const shown = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}`)).body.challengeWindows;
    expect(shown.windows.map((w: any) => [w.caseKind, w.dueOn])).toEqual([
      ['reconsideration', due('cn-reconsideration-application', replyOn)],
      ['litigation_direct', due('cn-litigation-direct', replyOn)],
    ]);
    expect(shown.challengeableUntil).toBe(due('cn-litigation-direct', replyOn));
    const recon = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      filedOn: replyOn,
      counsel: '李律师',
      internalNotes: 'settle if possible',
    });
    const id = recon.body.id;
    const own = await s.http('applicantA', 'GET', `/api/v1/cases/${id}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('internalNotes');
    expect(own.body).not.toHaveProperty('counsel');
    expect(own.body.events.every((e: any) => e.payload === undefined)).toBe(true);
    expect((await s.http('applicantB', 'GET', `/api/v1/cases/${id}`)).status).toBe(404);
    expect((await s.http('applicantB', 'GET', `/api/v1/requests/${requestId}/cases`)).status).toBe(404);
    expect((await s.http('applicantB', 'GET', '/api/v1/cases')).body).toEqual([]);
    expect((await s.http('clerk2', 'GET', `/api/v1/cases/${id}`)).status).toBe(404);
    expect((await s.http('clerk2', 'PATCH', `/api/v1/cases/${id}`, { parties: 'x' })).status).toBe(404);
    expect((await s.http('clerk2', 'GET', '/api/v1/cases')).body.some((c: any) => c.id === id)).toBe(false);
    expect((await s.http('clerk', 'GET', `/api/v1/cases/${id}`)).body.internalNotes).toBe(
      'settle if possible',
    );
    expect((await s.http('clerk', 'PATCH', `/api/v1/cases/${id}`, { parties: 'x' })).status).toBe(403);
    expect(
      (
        await s.http('clerk', 'POST', `/api/v1/cases/${id}/outcome`, {
          disposition: 'upheld',
          decidedOn: replyOn,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await s.http('clerk', 'POST', '/api/v1/cases', {
          requestId,
          kind: 'reconsideration',
          filedOn: replyOn,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await s.http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
          kind: 'reconsideration',
          grounds: 'x',
        })
      ).status,
    ).toBe(400);
    expect((await s.http('legal', 'GET', '/api/v1/cases/not-a-uuid')).status).toBe(404);
    expect((await s.http('legal', 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    const invalid = await s.http('legal', 'PATCH', `/api/v1/cases/${id}`, {
      acceptedOn: '2025-02-30',
      bogus: 1,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: any) => e.field).sort()).toEqual(['acceptedOn', 'bogus']);
    expect((await s.http('legal', 'PATCH', `/api/v1/cases/${id}`, { parties: '申请人：张三' })).status).toBe(
      200,
    );
  });

  it('OpenAPI documents every cases endpoint with what it answers and its problems', async () => {
    const doc = (await (await fetch(`${s.base}/api/docs-json`)).json()) as any;
    const ops: Array<[string, string, string]> = [
      ['/api/v1/cases', 'post', '201'],
      ['/api/v1/cases', 'get', '200'],
      ['/api/v1/cases/{id}', 'get', '200'],
      ['/api/v1/cases/{id}', 'patch', '200'],
      ['/api/v1/cases/{id}/outcome', 'post', '200'],
      ['/api/v1/cases/{id}/hearings', 'post', '201'],
      ['/api/v1/cases/{id}/hearings/{hearingId}', 'patch', '200'],
      ['/api/v1/cases/{id}/hearings/{hearingId}', 'delete', '204'],
      ['/api/v1/cases/{id}/documents', 'post', '201'],
      ['/api/v1/cases/{id}/documents/{documentId}', 'get', '200'],
      ['/api/v1/requests/{id}/cases', 'get', '200'],
      ['/api/v1/requests/{id}/cases', 'post', '201'],
      ['/api/v1/requests/{id}/challenge-windows', 'get', '200'],
    ];
    for (const [path, method, ok] of ops) {
      const op = doc.paths[path]?.[method];
      expect([path, method, op && Object.keys(op.responses).sort()]).toEqual([
        path,
        method,
        expect.arrayContaining([ok, '401', ...(path.includes('{id}') ? ['404'] : [])]),
      ]);
    }
    expect(JSON.stringify(doc.paths['/api/v1/cases/{id}'].get.responses['200'])).toContain(
      'CaseDetailViewDto',
    );
    expect(Object.keys(doc.components.schemas.CaseViewDto.properties)).toEqual(
      expect.arrayContaining(['kind', 'outcome', 'deadlines', 'reopenedDueOn', 'legalOwnerId']),
    );
    // A request is shown with its challenge windows (GET /api/v1/requests/:id).
    expect(JSON.stringify(doc.paths['/api/v1/requests/{id}'].get.responses['200'])).toContain(
      'RequestDetailDto',
    );
    expect(JSON.stringify(doc.components.schemas.RequestDetailDto.properties.challengeWindows)).toContain(
      '#/components/schemas/ChallengeWindowsDto',
    );
    const upload = doc.paths['/api/v1/cases/{id}/documents'].post.requestBody.content['multipart/form-data'];
    expect(upload.schema.properties.file).toMatchObject({ format: 'binary' });
  });

  it('`disclose cases list --agency CODE [--open]` prints the agency’s cases, most urgent first', async () => {
    const cli = async (...args: string[]) => {
      const process = new AppProcess('cli', s.env, args).start();
      return { code: await process.wait(), output: process.output };
    };
    const requestId = await decidedRequest(s.http, s.world.agencies.us.code, 'applicantB', 'usClerk');
    const appeal = await s.http('applicantB', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'us_appeal',
      grounds: 'Search was inadequate.',
    });
    const other = await decidedRequest(s.http, s.world.agencies.us.code, 'applicantB', 'usClerk');
    const closed = await s.http('applicantB', 'POST', `/api/v1/requests/${other}/cases`, {
      kind: 'us_appeal',
      grounds: 'Fees.',
    });
    await s.http('usLegal', 'POST', `/api/v1/cases/${closed.body.id}/outcome`, {
      disposition: 'affirmed',
      decidedOn: closed.body.filedOn,
    });
    const decisionDue = appeal.body.deadlines.find((d: any) => d.key === 'decision_due').dueOn;

    const all = await cli('cases', 'list', '--agency', s.world.agencies.us.code.toLowerCase());
    expect(all.code).toBe(0);
    const lines = all.output.trim().split('\n');
    expect(lines[0]).toMatch(/^AGENCY\s+REQUEST\s+KIND/);
    expect(lines.findIndex((l) => l.includes(appeal.body.id))).toBeLessThan(
      lines.findIndex((l) => l.includes(closed.body.id)),
    );
    expect(lines.find((l) => l.includes(appeal.body.id))).toContain(`decision_due ${decisionDue}`);
    expect(lines.find((l) => l.includes(closed.body.id))).toContain('upheld (affirmed)');
    const [, total, open] = /(\d+) case\(s\), (\d+) open/.exec(all.output) ?? [];
    expect(Number(total)).toBe(lines.length - 2); // header and summary
    expect(Number(open)).toBe(lines.filter((l) => / pending /.test(l)).length);

    const openOnly = await cli('cases', 'list', '--agency', s.world.agencies.us.code, '--open', '--json');
    expect(openOnly.code).toBe(0);
    const json = JSON.parse(openOnly.output.trim().split('\n').at(-1) as string);
    expect(json.every((c: any) => c.outcome === 'pending')).toBe(true);
    expect(
      json
        .filter((c: any) => [appeal.body.id, closed.body.id].includes(c.id))
        .map((c: any) => [c.id, c.next]),
    ).toEqual([[appeal.body.id, `decision_due ${decisionDue}`]]);

    const unknown = await cli('cases', 'list', '--agency', 'NO-SUCH-AGENCY');
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('no agency with code NO-SUCH-AGENCY');
  }, 60_000);
});
