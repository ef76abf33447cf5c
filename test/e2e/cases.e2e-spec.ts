import { computeDeadline, computeLegalDeadline } from '@disclose/deadlines';
import { casesSuite, decidedRequest } from './cases.fixtures';

const due = (kind: Parameters<typeof computeLegalDeadline>[0]['kind'], from: string) =>
  computeLegalDeadline({ kind, from }).dueOn;
const byKey = (c: { deadlines: Array<{ key: string; dueOn: string }> }) =>
  Object.fromEntries(c.deadlines.map((d) => [d.key, d.dueOn]));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Issue 6 end to end: 复议 and 诉讼 from recording to outcome, and the reopened request. */
describe('cases: Chinese reconsideration and litigation (built api + worker)', () => {
  const s = casesSuite();

  it('reconsideration: recorded by legal staff, deadlines, extension, hearing, document, upheld', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const windows = await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}/challenge-windows`);
    expect(windows.status).toBe(200);
    const replyOn: string = windows.body.replyOn;
    expect(windows.body.windows.map((w: any) => [w.caseKind, w.dueOn, w.open])).toEqual([
      ['reconsideration', due('cn-reconsideration-application', replyOn), true],
      ['litigation_direct', due('cn-litigation-direct', replyOn), true],
    ]);
    expect(windows.body.challengeableUntil).toBe(due('cn-litigation-direct', replyOn));

    const created = await s.http('legal', 'POST', '/api/v1/cases', {
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
      legalOwnerId: s.world.ids.legal,
      replyOn,
    });
    expect(byKey(created.body)).toEqual({
      filing_window: due('cn-reconsideration-application', replyOn),
      decision_due: due('cn-reconsideration-decision', replyOn),
    });
    const id = created.body.id;

    const extended = await s.http('legal', 'PATCH', `/api/v1/cases/${id}`, {
      decisionExtensionDays: 30,
      version: 1,
    });
    expect(extended.status).toBe(200);
    const plus30 = new Date(`${replyOn}T00:00:00Z`);
    plus30.setUTCDate(plus30.getUTCDate() + 30);
    expect(byKey(extended.body).decision_due).toBe(
      due('cn-reconsideration-decision', plus30.toISOString().slice(0, 10)),
    );
    expect(
      (await s.http('legal', 'PATCH', `/api/v1/cases/${id}`, { decisionExtensionDays: 31 })).status,
    ).toBe(400);
    expect((await s.http('legal', 'PATCH', `/api/v1/cases/${id}`, { parties: 'x', version: 1 })).status).toBe(
      409,
    );

    const hearing = await s.http('legal', 'POST', `/api/v1/cases/${id}/hearings`, {
      heldAt: '2025-11-20T09:30:00+08:00',
      place: '市政府复议室',
      notes: '听证',
    });
    expect(hearing.status).toBe(201);

    const form = new FormData();
    form.append('kind', 'application');
    form.append('file', new Blob([PDF]), '../../etc/复议申请书.pdf');
    const upload = await fetch(`${s.base}/api/v1/cases/${id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.world.tokens.legal}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const doc = (await upload.json()) as any;
    expect(doc).toMatchObject({
      contentType: 'application/pdf',
      filename: '复议申请书.pdf',
      size: PDF.length,
    });
    const download = await fetch(`${s.base}/api/v1/cases/${id}/documents/${doc.id}`, {
      headers: { authorization: `Bearer ${s.world.tokens.applicantA}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);

    const decided = await s.http('legal', 'POST', `/api/v1/cases/${id}/outcome`, {
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
        await s.http('legal', 'POST', `/api/v1/cases/${id}/outcome`, {
          disposition: 'varied',
          decidedOn: replyOn,
        })
      ).status,
    ).toBe(409);

    const detail = await s.http('legal', 'GET', `/api/v1/cases/${id}`);
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
      await s.db.query(
        `SELECT kind, outcome, disposition, decided_on::text, agency_id FROM cases WHERE id = $1`,
        [id],
      )
    ).rows;
    expect(row).toEqual({
      kind: 'reconsideration',
      outcome: 'upheld',
      disposition: 'upheld',
      decided_on: replyOn,
      agency_id: s.world.agencies.cn.id,
    });
    await expect(s.db.query(`DELETE FROM case_events WHERE case_id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('lawsuit after reconsideration: linked to its reconsideration, window from the decision, kinds checked', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const recon = await s.http('legal', 'POST', `/api/v1/requests/${requestId}/cases`, {
      kind: 'reconsideration',
      filedOn: replyOn,
      acceptedOn: replyOn,
    });
    expect(recon.status).toBe(201);
    const received = await s.http('legal', 'PATCH', `/api/v1/cases/${recon.body.id}`, {
      decisionReceivedOn: replyOn,
    });
    expect(byKey(received.body).litigation_window).toBe(due('cn-litigation-after-reconsideration', replyOn));
    await s.http('legal', 'POST', `/api/v1/cases/${recon.body.id}/outcome`, {
      disposition: 'claim_rejected',
      decidedOn: replyOn,
    });

    const orphan = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_after_reconsideration',
      filedOn: replyOn,
    });
    expect(orphan.status).toBe(400);
    expect(orphan.type).toContain('application/problem+json');
    expect(JSON.stringify(orphan.body)).toContain('parentCaseId');
    const direct = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_direct',
      filedOn: replyOn,
    });
    const wrongParent = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_after_reconsideration',
      parentCaseId: direct.body.id,
      filedOn: replyOn,
    });
    expect(wrongParent.status).toBe(400);
    const usKind = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'us_appeal',
      filedOn: replyOn,
    });
    expect(usKind.status).toBe(400);

    const suit = await s.http('legal', 'POST', '/api/v1/cases', {
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
    const won = await s.http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, {
      disposition: 'claim_rejected',
      decidedOn: replyOn,
    });
    expect(won.body).toMatchObject({ outcome: 'upheld', open: false });
    const listed = await s.http(
      'supervisor',
      'GET',
      `/api/v1/cases?requestId=${requestId}&kind=litigation_after_reconsideration`,
    );
    expect(listed.body.map((c: any) => c.id)).toEqual([suit.body.id]);
    const open = await s.http('supervisor', 'GET', `/api/v1/cases?requestId=${requestId}&open=true`);
    expect(open.body.map((c: any) => c.id)).toEqual([direct.body.id]);
  });

  it('direct litigation corrected (确认违法): counted as corrected, the request is not reopened', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const suit = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_direct',
      filedOn: replyOn,
    });
    expect(byKey(suit.body)).toEqual({ filing_window: due('cn-litigation-direct', replyOn) });
    const served = await s.http('legal', 'PATCH', `/api/v1/cases/${suit.body.id}`, { servedOn: replyOn });
    expect(byKey(served.body).defence_due).toBe(due('cn-defense-submission', replyOn));
    const bad = await s.http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, {
      disposition: 'affirmed',
      decidedOn: replyOn,
    });
    expect(bad.status).toBe(400);
    const decided = await s.http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, {
      disposition: 'confirmed_unlawful',
      decidedOn: replyOn,
    });
    expect(decided.body).toMatchObject({
      outcome: 'corrected',
      disposition: 'confirmed_unlawful',
      reopenedDueOn: null,
    });
    expect((await s.http('clerk', 'GET', `/api/v1/requests/${requestId}`)).body.status).toBe('decided');
  });

  it('撤销并责令重新答复 reopens the request with its new due date and a reopened event', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const recon = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'reconsideration',
      filedOn: replyOn,
      acceptedOn: replyOn,
    });
    const decided = await s.http('legal', 'POST', `/api/v1/cases/${recon.body.id}/outcome`, {
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
    const request = await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}`);
    expect(request.body).toMatchObject({
      status: 'in_progress',
      deadline: expect.objectContaining({ dueOn: expectedDue }),
    });
    const events = (
      await s.db.query(`SELECT type, payload FROM request_events WHERE request_id = $1 ORDER BY seq`, [
        requestId,
      ])
    ).rows;
    expect(events.at(-1)).toMatchObject({
      type: 'reopened',
      payload: { caseId: recon.body.id, disposition: 'revoked_re_reply' },
    });
  });
});
