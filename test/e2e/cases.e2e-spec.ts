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

  it('case documents: legal staff only, 20 MB and sniffed types; a refused upload writes nothing', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const suit = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_direct',
      filedOn: replyOn,
    });
    const id = suit.body.id;
    const upload = async (
      who: 'legal' | 'clerk' | 'applicantA',
      kind: string | null,
      bytes: Buffer,
      name: string,
    ) => {
      const form = new FormData();
      if (kind !== null) form.append('kind', kind);
      form.append('file', new Blob([bytes]), name);
      const response = await fetch(`${s.base}/api/v1/cases/${id}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.world.tokens[who]}` },
        body: form,
      });
      const text = await response.text();
      return { status: response.status, type: response.headers.get('content-type'), body: JSON.parse(text) };
    };
    const written = async () =>
      (
        await s.db.query(
          `SELECT (SELECT count(*)::int FROM case_documents WHERE case_id = $1) AS docs,
                  (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events`,
          [id],
        )
      ).rows[0];
    const before = await written();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);
    const refused = [
      [await upload('legal', 'defence', exe, '答辩状.exe'), 400, 'type_not_allowed'],
      [await upload('legal', 'defence', Buffer.alloc(0), 'empty.pdf'), 400, 'empty'],
      [await upload('legal', 'verdict', PDF, 'a.pdf'), 400, 'must_be_one_of'],
      [await upload('legal', null, PDF, 'a.pdf'), 400, 'must_be_one_of'],
      [
        await upload('legal', 'judgment', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]), 'big.pdf'),
        400,
        'too_large',
      ],
      [await upload('clerk', 'defence', PDF, 'a.pdf'), 403, null],
      [await upload('applicantA', 'application', PDF, 'a.pdf'), 403, null],
    ] as const;
    for (const [answer, status, code] of refused) {
      expect([answer.status, answer.type]).toEqual([
        status,
        expect.stringContaining('application/problem+json'),
      ]);
      if (code) expect(answer.body.errors).toEqual([expect.objectContaining({ constraint: code })]);
      if (code) expect(answer.body.errors[0].message).not.toBe(`file: ${code}`); // a sentence, not the bare code
    }
    const notMultipart = await s.http('legal', 'POST', `/api/v1/cases/${id}/documents`, { kind: 'defence' });
    expect(notMultipart.status).toBe(400);
    expect(await written()).toEqual(before);

    const ok = await upload('legal', 'defence', PDF, '答辩状.pdf');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ kind: 'defence', contentType: 'application/pdf', size: PDF.length });
    expect(await written()).toEqual({ docs: before.docs + 1, events: before.events + 1 });
    const other = await fetch(`${s.base}/api/v1/cases/${id}/documents/${ok.body.id}`, {
      headers: { authorization: `Bearer ${s.world.tokens.applicantB}` },
    });
    expect(other.status).toBe(404);
  }, 60_000);

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

  it('责令履行 with a reply date fixed by the decision: that date is the request’s due date, with the reason in its trace; bad input writes nothing', async () => {
    const requestId = await decidedRequest(s.http, s.world.agencies.cn.code, 'applicantA', 'clerk');
    const replyOn = (await s.http('clerk', 'GET', `/api/v1/requests/${requestId}/challenge-windows`)).body
      .replyOn;
    const suit = await s.http('legal', 'POST', '/api/v1/cases', {
      requestId,
      kind: 'litigation_direct',
      body: '平凉市崆峒区人民法院',
      filedOn: replyOn,
    });
    const snapshot = async () => ({
      request: (
        await s.db.query(`SELECT status, version, due_on::text FROM requests WHERE id = $1`, [requestId])
      ).rows[0],
      events: (
        await s.db.query(`SELECT count(*)::int AS n FROM request_events WHERE request_id = $1`, [requestId])
      ).rows[0].n,
      caseRow: (await s.db.query(`SELECT outcome, version FROM cases WHERE id = $1`, [suit.body.id])).rows[0],
      trail: (
        await s.db.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [suit.body.id])
      ).rows[0].n,
    });
    const before = await snapshot();
    const ordered = addDays(replyOn, 30);
    const refused = [
      { disposition: 'ordered_to_perform', decidedOn: replyOn, newReplyDueOn: replyOn }, // not after the decision
      { disposition: 'upheld', decidedOn: replyOn, newReplyDueOn: ordered }, // nothing to reopen
      { disposition: 'ordered_to_perform', decidedOn: replyOn, newReplyDueOn: '2026-02-30' },
      { disposition: 'ordered_to_perform', decidedOn: addDays(replyOn, -1) }, // before the filing
    ];
    for (const body of refused) {
      const answer = await s.http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, body);
      expect([answer.status, answer.type]).toEqual([
        400,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    expect(await snapshot()).toEqual(before);

    const decided = await s.http('legal', 'POST', `/api/v1/cases/${suit.body.id}/outcome`, {
      disposition: 'ordered_to_perform',
      decidedOn: replyOn,
      newReplyDueOn: ordered,
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ outcome: 'corrected', reopenedDueOn: ordered });
    const request = await s.http('applicantA', 'GET', `/api/v1/requests/${requestId}`);
    expect(request.body).toMatchObject({
      status: 'in_progress',
      deadline: expect.objectContaining({ dueOn: ordered }),
    });
    expect(request.body.deadline.trace[0]).toContain(`reply by ${ordered}`);
    const zh = await fetch(`${s.base}/api/v1/requests/${requestId}`, {
      headers: { authorization: `Bearer ${s.world.tokens.clerk}`, 'accept-language': 'zh-CN' },
    });
    expect(((await zh.json()) as any).deadline.trace[0]).toContain(ordered);
    const after = await snapshot();
    expect(after.events).toBe(before.events + 1);
    expect(after.trail).toBe(before.trail + 1);
  });
});

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
