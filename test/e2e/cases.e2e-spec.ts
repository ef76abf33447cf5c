import { Client } from 'pg';
import { computeDeadline, computeLegalDeadline } from '@disclose/deadlines';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';
import { client, createWorld, decidedRequest, type CasesWorld, type Http } from './cases.fixtures';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const due = (kind: Parameters<typeof computeLegalDeadline>[0]['kind'], from: string) =>
  computeLegalDeadline({ kind, from }).dueOn;
const byKey = (c: { deadlines: Array<{ key: string; dueOn: string }> }) =>
  Object.fromEntries(c.deadlines.map((d) => [d.key, d.dueOn]));

/** Issue 6 end to end: the built api and worker, legal cases of every kind from filing to outcome. */
describe('cases (built api + worker)', () => {
  const smtp = new SmtpCapture();
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let world: CasesWorld;
  let http: Http;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = testProcessEnv({ SMTP_URL: smtpUrl, PORT: String(port), PUBLIC_URL: base });
    api = new AppProcess('api', env).start();
    worker = new AppProcess('worker', env).start();
    await db.connect();
    await waitForHttp(`${base}/health`, 200, 60_000);
    world = await createWorld(db, base);
    http = client(base, world);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
    await smtp.stop();
  });

  it('reconsideration: recorded by legal staff, deadlines, extension, hearing, document, upheld', async () => {
    const requestId = await decidedRequest(http, world.agencies.cn.code, 'applicantA', 'clerk');
    const windows = await http('applicantA', 'GET', `/api/v1/requests/${requestId}/challenge-windows`);
    expect(windows.status).toBe(200);
    const replyOn: string = windows.body.replyOn;
    expect(windows.body.windows.map((w: any) => [w.caseKind, w.dueOn, w.open])).toEqual([
      ['reconsideration', due('cn-reconsideration-application', replyOn), true],
      ['litigation_direct', due('cn-litigation-direct', replyOn), true],
    ]);
    expect(windows.body.challengeableUntil).toBe(due('cn-litigation-direct', replyOn));

    const created = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      body: '平凉市人民政府',
      caseNumber: '平政复〔2025〕12号',
      filedOn: replyOn,
      acceptedOn: replyOn,
      parties: '申请人：张三；被申请人：本机关',
      counsel: '李律师',
      internalNotes: 'weak file',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      outcome: 'pending',
      open: true,
      legalOwnerId: world.ids.legal,
      replyOn,
    });
    expect(byKey(created.body)).toEqual({
      filing_window: due('cn-reconsideration-application', replyOn),
      decision_due: due('cn-reconsideration-decision', replyOn),
    });
    const id = created.body.id;

    const extended = await http('legal', 'PATCH', `/api/v1/cases/${id}`, {
      decisionExtensionDays: 30,
      version: 1,
    });
    expect(extended.status).toBe(200);
    const plus30 = new Date(`${replyOn}T00:00:00Z`);
    plus30.setUTCDate(plus30.getUTCDate() + 30);
    expect(byKey(extended.body).decision_due).toBe(
      due('cn-reconsideration-decision', plus30.toISOString().slice(0, 10)),
    );
    expect((await http('legal', 'PATCH', `/api/v1/cases/${id}`, { decisionExtensionDays: 31 })).status).toBe(
      400,
    );
    expect((await http('legal', 'PATCH', `/api/v1/cases/${id}`, { parties: 'x', version: 1 })).status).toBe(
      409,
    );

    const hearing = await http('legal', 'POST', `/api/v1/cases/${id}/hearings`, {
      heldAt: '2025-11-20T09:30:00+08:00',
      place: '市政府复议室',
      notes: '听证',
    });
    expect(hearing.status).toBe(201);

    const form = new FormData();
    form.append('kind', 'application');
    form.append('file', new Blob([PDF]), '../../etc/复议申请书.pdf');
    const upload = await fetch(`${base}/api/v1/cases/${id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.tokens.legal}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const doc = (await upload.json()) as any;
    expect(doc).toMatchObject({
      contentType: 'application/pdf',
      filename: '复议申请书.pdf',
      size: PDF.length,
    });
    const download = await fetch(`${base}/api/v1/cases/${id}/documents/${doc.id}`, {
      headers: { authorization: `Bearer ${world.tokens.applicantA}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);

    const decided = await http('legal', 'POST', `/api/v1/cases/${id}/outcome`, {
      disposition: 'upheld',
      decidedOn: replyOn,
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      outcome: 'upheld',
      disposition: 'upheld',
      open: false,
      reopenedDueOn: null,
    });
    expect(
      (
        await http('legal', 'POST', `/api/v1/cases/${id}/outcome`, {
          disposition: 'varied',
          decidedOn: replyOn,
        })
      ).status,
    ).toBe(409);

    const detail = await http('legal', 'GET', `/api/v1/cases/${id}`);
    expect(detail.body.hearings).toHaveLength(1);
    expect(detail.body.documents).toHaveLength(1);
    expect(detail.body.events.map((e: any) => e.type)).toEqual([
      'recorded',
      'updated',
      'hearing_added',
      'document_added',
      'decided',
    ]);
    const [row] = (
      await db.query(
        `SELECT kind, outcome, disposition, decided_on::text, agency_id FROM cases WHERE id = $1`,
        [id],
      )
    ).rows;
    expect(row).toEqual({
      kind: 'reconsideration',
      outcome: 'upheld',
      disposition: 'upheld',
      decided_on: replyOn,
      agency_id: world.agencies.cn.id,
    });
    await expect(db.query(`DELETE FROM case_events WHERE case_id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('lawsuit after reconsideration: linked to its reconsideration, window from the decision, kinds checked', async () => {
    const requestId = await decidedRequest(http, world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const recon = await http('legal', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'reconsideration',
      filedOn: replyOn,
      acceptedOn: replyOn,
    });
    expect(recon.status).toBe(201);
    const received = await http('legal', 'PATCH', `/api/v1/cases/${recon.body.id}`, {
      decisionReceivedOn: replyOn,
    });
    expect(byKey(received.body).litigation_window).toBe(due('cn-litigation-after-reconsideration', replyOn));
    await http('legal', 'POST', `/api/v1/cases/${recon.body.id}/outcome`, {
      disposition: 'claim_rejected',
      decidedOn: replyOn,
    });

    const orphan = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_after_reconsideration',
      filedOn: replyOn,
    });
    expect(orphan.status).toBe(400);
    expect(orphan.type).toContain('application/problem+json');
    expect(JSON.stringify(orphan.body)).toContain('parentCaseId');
    const direct = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_direct',
      filedOn: replyOn,
    });
    const wrongParent = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_after_reconsideration',
      parentCaseId: direct.body.id,
      filedOn: replyOn,
    });
    expect(wrongParent.status).toBe(400);
    const usKind = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'us_appeal',
      filedOn: replyOn,
    });
    expect(usKind.status).toBe(400);

    const suit = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_after_reconsideration',
      parentCaseId: recon.body.id,
      body: '平凉市中级人民法院',
      filedOn: replyOn,
      servedOn: replyOn,
    });
    expect(suit.status).toBe(201);
    expect(suit.body.parentCaseId).toBe(recon.body.id);
    expect(byKey(suit.body)).toEqual({
      filing_window: due('cn-litigation-after-reconsideration', replyOn), // 行诉法 Art. 45
      defence_due: due('cn-defense-submission', replyOn), // Art. 67
    });
    const won = await http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, {
      disposition: 'claim_rejected',
      decidedOn: replyOn,
    });
    expect(won.body).toMatchObject({ outcome: 'upheld', open: false });
    const listed = await http(
      'supervisor',
      'GET',
      `/api/v1/cases?requestId=${requestId}&kind=litigation_after_reconsideration`,
    );
    expect(listed.body.map((c: any) => c.id)).toEqual([suit.body.id]);
    const open = await http('supervisor', 'GET', `/api/v1/cases?requestId=${requestId}&open=true`);
    expect(open.body.map((c: any) => c.id)).toEqual([direct.body.id]);
  });

  it('direct litigation corrected (确认违法): counted as corrected, the request is not reopened', async () => {
    const requestId = await decidedRequest(http, world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const suit = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_direct',
      filedOn: replyOn,
    });
    expect(byKey(suit.body)).toEqual({ filing_window: due('cn-litigation-direct', replyOn) });
    const served = await http('legal', 'PATCH', `/api/v1/cases/${suit.body.id}`, { servedOn: replyOn });
    expect(byKey(served.body).defence_due).toBe(due('cn-defense-submission', replyOn));
    const bad = await http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, {
      disposition: 'affirmed',
      decidedOn: replyOn,
    });
    expect(bad.status).toBe(400);
    const decided = await http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, {
      disposition: 'confirmed_unlawful',
      decidedOn: replyOn,
    });
    expect(decided.body).toMatchObject({
      outcome: 'corrected',
      disposition: 'confirmed_unlawful',
      reopenedDueOn: null,
    });
    expect((await http('clerk', 'GET', `/api/v1/requests/${requestId}`)).body.status).toBe('decided');
  });

  it('撤销并责令重新答复 reopens the request with its new due date and a reopened event', async () => {
    const requestId = await decidedRequest(http, world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const recon = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      filedOn: replyOn,
      acceptedOn: replyOn,
    });
    const decided = await http('legal', 'POST', `/api/v1/cases/${recon.body.id}/outcome`, {
      disposition: 'revoked_re_reply',
      decidedOn: replyOn,
      notes: '责令十五个工作日内重新答复',
    });
    expect(decided.status).toBe(200);
    const expectedDue = computeDeadline({ ruleSet: 'cn-ogi-2019', receivedOn: replyOn }).dueOn;
    expect(decided.body).toMatchObject({
      outcome: 'corrected',
      disposition: 'revoked_re_reply',
      reopenedDueOn: expectedDue,
    });
    const request = await http('applicantA', 'GET', `/api/v1/requests/${requestId}`);
    expect(request.body).toMatchObject({
      status: 'in_progress',
      deadline: expect.objectContaining({ dueOn: expectedDue }),
    });
    const events = (
      await db.query(`SELECT type, payload FROM request_events WHERE request_id = $1 ORDER BY seq`, [
        requestId,
      ])
    ).rows;
    expect(events.at(-1)).toMatchObject({
      type: 'reopened',
      payload: { caseId: recon.body.id, disposition: 'revoked_re_reply' },
    });
  });

  it('UK internal review: filed online by the applicant, 20 WD to decide, affirmed', async () => {
    const requestId = await decidedRequest(http, world.agencies.uk.code, 'applicantA', 'ukClerk');
    const windows = await http('applicantA', 'GET', `/api/v1/requests/${requestId}/challenge-windows`);
    expect(windows.body.windows.map((w: any) => w.caseKind)).toEqual(['internal_review']);
    const usKind = await http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'us_appeal',
      grounds: 'x',
    });
    expect(usKind.status).toBe(400);
    const staffFields = await http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'internal_review',
      grounds: 'The exemption does not apply.',
      internalNotes: 'sneaky',
    });
    expect(staffFields.status).toBe(400);
    expect(
      (
        await http('applicantB', 'POST', `/api/v1/requests/${requestId}/cases`, {
          kind: 'internal_review',
          grounds: 'x',
        })
      ).status,
    ).toBe(404);

    const filed = await http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'internal_review',
      grounds: 'The exemption does not apply.',
    });
    expect(filed.status).toBe(201);
    const filedOn = filed.body.filedOn;
    expect(filed.body).not.toHaveProperty('internalNotes');
    expect(byKey(filed.body).decision_due).toBe(due('uk-internal-review', filedOn));
    const decided = await http('ukLegal', 'POST', `/api/v1/cases/${filed.body.id}/outcome`, {
      disposition: 'affirmed',
      decidedOn: filedOn,
    });
    expect(decided.body).toMatchObject({ outcome: 'upheld', disposition: 'affirmed' });
    const mine = await http('applicantA', 'GET', `/api/v1/requests/${requestId}/cases`);
    expect(mine.body).toEqual([
      expect.objectContaining({ id: filed.body.id, kind: 'internal_review', outcome: 'upheld' }),
    ]);
  });

  it('US appeal: filed online, 20 WD decision deadline, partly reversed reopens the request', async () => {
    const requestId = await decidedRequest(http, world.agencies.us.code, 'applicantA', 'usClerk');
    const windows = await http('applicantA', 'GET', `/api/v1/requests/${requestId}/challenge-windows`);
    const replyOn = windows.body.replyOn;
    expect(windows.body.windows).toEqual([
      expect.objectContaining({ caseKind: 'us_appeal', dueOn: due('us-appeal-filing', replyOn), open: true }),
    ]);
    const filed = await http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'us_appeal',
      grounds: 'Adequate search?',
    });
    expect(filed.status).toBe(201);
    expect(byKey(filed.body)).toEqual({
      filing_window: due('us-appeal-filing', replyOn),
      decision_due: due('us-appeal-decision', filed.body.filedOn),
    });
    const decided = await http('usLegal', 'POST', `/api/v1/cases/${filed.body.id}/outcome`, {
      disposition: 'partly_reversed',
      decidedOn: filed.body.filedOn,
    });
    expect(decided.status).toBe(200);
    const expectedDue = computeDeadline({ ruleSet: 'us-foia', receivedOn: filed.body.filedOn }).dueOn;
    expect(decided.body).toMatchObject({ outcome: 'corrected', reopenedDueOn: expectedDue });
    expect((await http('applicantA', 'GET', `/api/v1/requests/${requestId}`)).body).toMatchObject({
      status: 'in_progress',
      deadline: expect.objectContaining({ dueOn: expectedDue }),
    });
  });

  it('access: applicants see their own cases without notes; other agencies 404; clerks read but cannot write', async () => {
    const requestId = await decidedRequest(http, world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const recon = await http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      filedOn: replyOn,
      counsel: '李律师',
      internalNotes: 'settle if possible',
    });
    const id = recon.body.id;
    const own = await http('applicantA', 'GET', `/api/v1/cases/${id}`);
    expect(own.status).toBe(200);
    expect(own.body).not.toHaveProperty('internalNotes');
    expect(own.body).not.toHaveProperty('counsel');
    expect(own.body.events.every((e: any) => e.payload === undefined)).toBe(true);
    expect((await http('applicantB', 'GET', `/api/v1/cases/${id}`)).status).toBe(404);
    expect((await http('applicantB', 'GET', `/api/v1/requests/${requestId}/cases`)).status).toBe(404);
    expect((await http('applicantB', 'GET', '/api/v1/cases')).body).toEqual([]);
    expect((await http('clerk2', 'GET', `/api/v1/cases/${id}`)).status).toBe(404);
    expect((await http('clerk2', 'PATCH', `/api/v1/cases/${id}`, { parties: 'x' })).status).toBe(404);
    expect((await http('clerk2', 'GET', '/api/v1/cases')).body.some((c: any) => c.id === id)).toBe(false);
    expect((await http('clerk', 'GET', `/api/v1/cases/${id}`)).body.internalNotes).toBe('settle if possible');
    expect((await http('clerk', 'PATCH', `/api/v1/cases/${id}`, { parties: 'x' })).status).toBe(403);
    expect(
      (
        await http('clerk', 'POST', `/api/v1/cases/${id}/outcome`, {
          disposition: 'upheld',
          decidedOn: replyOn,
        })
      ).status,
    ).toBe(403);
    expect(
      (await http('clerk', 'POST', '/api/v1/cases', { requestId, kind: 'reconsideration', filedOn: replyOn }))
        .status,
    ).toBe(403);
    expect(
      (
        await http('applicantA', 'POST', `/api/v1/requests/${requestId}/cases`, {
          kind: 'reconsideration',
          grounds: 'x',
        })
      ).status,
    ).toBe(400);
    expect((await http('legal', 'GET', '/api/v1/cases/not-a-uuid')).status).toBe(404);
    expect((await http('legal', 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    const invalid = await http('legal', 'PATCH', `/api/v1/cases/${id}`, {
      acceptedOn: '2025-02-30',
      bogus: 1,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: any) => e.field).sort()).toEqual(['acceptedOn', 'bogus']);
    expect((await http('legal', 'PATCH', `/api/v1/cases/${id}`, { parties: '申请人：张三' })).status).toBe(
      200,
    );
  });
});
