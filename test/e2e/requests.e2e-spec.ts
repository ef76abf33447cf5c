import { Client } from 'pg';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';
import { asUser, createRequestsWorld, PASSWORD, type RequestsWorld } from './requests.fixtures';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The main path over HTTP: built api + worker, the run's PostgreSQL and Redis, an SMTP capture. */
describe('requests (built api + worker)', () => {
  const smtp = new SmtpCapture();
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let env: Record<string, string>;
  let world: RequestsWorld;
  let as: ReturnType<typeof asUser>;
  let main: { id: string; trackingNumber: string };

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = testProcessEnv({
      SMTP_URL: smtpUrl,
      PORT: String(port),
      PUBLIC_URL: base,
      STORAGE_DIR: `/tmp/disclose-e2e-${port}`,
    });
    api = new AppProcess('api', env).start();
    worker = new AppProcess('worker', env).start();
    await waitForHttp(`${base}/health`, 200, 60_000);
    await db.connect();
    world = await createRequestsWorld(db, base);
    as = asUser(base, world);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await db.end();
    await smtp.stop();
  });

  const act = (who: keyof RequestsWorld['tokens'], action: string, body: unknown = {}) =>
    as(who, 'POST', `/api/v1/requests/${main.id}/${action}`, body);
  const read = async (who: keyof RequestsWorld['tokens'] = 'clerk') =>
    (await as(who, 'GET', `/api/v1/requests/${main.id}`)).body;

  it('files online (201, tracking number, due date) and sends the acknowledgement by email', async () => {
    const filed = await as('applicantA', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '2024年土地出让收入明细',
      description: '请公开平凉市2024年国有土地使用权出让收入及支出明细。',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      status: 'received',
      ruleSet: 'cn-ogi-2019',
      provisional: expect.any(Boolean),
    });
    expect(filed.body.trackingNumber).toMatch(new RegExp(`^${world.agency.code}-\\d{4}-\\d{6}$`));
    expect(filed.body.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(filed.body.repeatOf).toBeUndefined();
    main = filed.body;
    for (let i = 0; i < 120 && !smtp.messages.some((m) => m.text?.includes(main.trackingNumber)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const mail = smtp.messages.find((m) => m.text?.includes(main.trackingNumber));
    expect(mail?.to).toBeDefined();
    expect(JSON.stringify(mail!.to)).toContain(world.emails.applicantA);
  }, 60_000);

  it('lets staff enter a paper request with its legal date of receipt (2025-09-26 → 2025-10-30)', async () => {
    const filed = await as('clerk', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '信访事项办理结果',
      description: '请公开2025年信访事项办理结果。',
      channel: 'mail',
      receivedOn: '2025-09-26',
      applicant: {
        name: '王五',
        applicantType: 'research',
        email: `wang-${world.agency.code.toLowerCase()}@requests.test`,
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      receivedOn: '2025-09-26',
      dueOn: '2025-10-30',
      applicantMonthCount: 1,
    });
    const invalid = await as('clerk', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '',
      bogus: 1,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['subject', 'description', 'bogus']),
    );
  });

  it('files once for a retried Idempotency-Key', async () => {
    const body = { agencyCode: world.agency.code, subject: '幂等', description: '重试只算一件' };
    const headers = { 'idempotency-key': `e2e-${main.id}` };
    const first = await as('applicantB', 'POST', '/api/v1/requests', body, headers);
    const second = await as('applicantB', 'POST', '/api/v1/requests', body, headers);
    expect(first.status).toBe(201);
    expect(second).toEqual(first);
    const changed = await as('applicantB', 'POST', '/api/v1/requests', { ...body, subject: '不同' }, headers);
    expect(changed.status).toBe(409);
  });

  it('runs the lifecycle: assign, clarify (clock stops, restarts), consult, extend, fee, decide with a document, close', async () => {
    expect((await act('clerk', 'assign', { clerkId: world.ids.clerk })).status).toBe(200);
    expect((await act('clerk', 'assign', { clerkId: world.ids.otherClerk })).status).toBe(400);

    const asked = await act('clerk', 'clarification-request', {
      message: '请说明所需年份',
      replyBy: '2099-12-31',
    });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'awaiting_clarification',
      dueOn: null,
      clockStatus: 'stopped',
    });
    expect((await read()).deadline.dueOn).toBeNull();
    const answered = await act('applicantA', 'clarification', { text: '2024年' });
    expect(answered.body).toMatchObject({ status: 'in_progress', clockStatus: 'running' });
    expect(answered.body.dueOn).toMatch(/^\d{4}-/);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const consulted = await act('clerk', 'consultations', { party: '平凉市自然资源局', sentOn: today });
    expect(consulted.body).toMatchObject({ status: 'awaiting_consultation', dueOn: null });
    const replied = await act('clerk', `consultations/${consulted.body.consultationId}/reply`, {
      receivedOn: today,
      opinion: '同意公开',
    });
    expect(replied.body).toMatchObject({ status: 'in_progress' });
    const beforeExtension = replied.body.dueOn as string;
    expect(beforeExtension >= answered.body.dueOn).toBe(true);

    expect((await act('clerk', 'extension', { workingDays: 10, reason: '涉及材料较多' })).status).toBe(200);
    expect((await act('clerk', 'extension/approve', {})).status).toBe(403);
    const approved = await act('supervisor', 'extension/approve', {});
    expect(approved.status).toBe(200);
    expect(approved.body.dueOn > beforeExtension).toBe(true);

    const unexplained = await act('clerk', 'fee-notice', { amount: 100, basis: 'per_request' });
    expect(unexplained.status).toBe(400);
    const fee = await act('clerk', 'fee-notice', { amount: 100, basis: 'per_request', reason: '复制费用' });
    expect(fee.body).toMatchObject({
      status: 'awaiting_fee',
      dueOn: null,
      amountFen: 10000,
      proposal: { amountFen: 0 },
    });
    expect((await act('clerk', 'fee-payment', { receivedOn: today })).body).toMatchObject({
      status: 'in_progress',
    });

    const upload = new FormData();
    upload.append('visibleToApplicant', 'true');
    upload.append('file', new Blob([PDF], { type: 'application/octet-stream' }), '答复书.pdf');
    const uploaded = await fetch(`${base}/api/v1/requests/${main.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.tokens.clerk}` },
      body: upload,
    });
    expect(uploaded.status).toBe(201);
    const doc = (await uploaded.json()) as { documentId: string; contentType: string };
    expect(doc.contentType).toBe('application/pdf');

    expect(
      (
        await act('clerk', 'decision', {
          outcome: 'withheld.third_party_rights',
          reasons: [],
          message: '不予公开',
        })
      ).status,
    ).toBe(400);
    const decided = await act('clerk', 'decision', {
      outcome: 'disclosed',
      reasons: ['Art. 36(2)'],
      message: '予以公开',
    });
    expect(decided.body).toMatchObject({ status: 'decided', outcome: 'disclosed' });
    expect((await act('applicantA', 'close', {})).status).toBe(403);
    expect((await act('clerk', 'close', {})).body).toMatchObject({ status: 'closed' });

    const download = await fetch(`${base}/api/v1/requests/${main.id}/documents/${doc.documentId}`, {
      headers: { authorization: `Bearer ${world.tokens.applicantA}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);

    const view = await read('applicantA');
    expect(view.events.map((e: { type: string }) => e.type)).toEqual([
      'filed',
      'assigned',
      'clarification_requested',
      'clarification_received',
      'consultation_started',
      'consultation_replied',
      'extension_requested',
      'extension_approved',
      'fee_notice_issued',
      'fee_paid',
      'document_uploaded',
      'decided',
      'closed',
    ]);
    expect(view.deadline.trace.join('\n')).toMatch(/[\u4e00-\u9fff]/);
    expect(view.repeatOf).toBeUndefined();
    expect(view.documents).toHaveLength(1);
  }, 60_000);

  it('lets the applicant withdraw and lists what each role may see, most urgent first', async () => {
    const second = await as('applicantA', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '道路建设资金',
      description: '请公开2024年道路建设资金使用情况。',
    });
    const withdrawn = await as('applicantA', 'POST', `/api/v1/requests/${second.body.id}/withdraw`, {
      reason: '不再需要',
    });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect((await as('applicantA', 'POST', `/api/v1/requests/${second.body.id}/withdraw`, {})).status).toBe(
      409,
    );

    const mine = await as('applicantA', 'GET', '/api/v1/requests');
    expect(
      mine.body.items.every((r: { trackingNumber: string }) =>
        r.trackingNumber.startsWith(world.agency.code),
      ),
    ).toBe(true);
    const queue = await as('clerk', 'GET', `/api/v1/requests?agency=${world.agency.code}&pageSize=50`);
    const dues = queue.body.items
      .filter((r: any) => r.status === 'received')
      .map((r: any) => r.deadline.dueOn);
    expect(dues).toEqual([...dues].sort());
    const search = await as('clerk', 'GET', `/api/v1/requests?q=${encodeURIComponent('信访事项')}`);
    expect(search.body.items.map((r: any) => r.subject)).toEqual(['信访事项办理结果']);
    expect(
      (await as('otherClerk', 'GET', `/api/v1/requests?q=${encodeURIComponent('信访事项')}`)).body.total,
    ).toBe(0);
  });

  it('gives one 200 and one 409 to two clerks deciding at once', async () => {
    const filed = await as('applicantB', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '并发',
      description: '两个人同时答复',
    });
    const decide = (who: 'clerk' | 'supervisor') =>
      as(who, 'POST', `/api/v1/requests/${filed.body.id}/decision`, {
        outcome: 'unavailable.not_held',
        reasons: [],
        message: '本机关不掌握',
        expectedVersion: filed.body.version,
      });
    const statuses = (await Promise.all([decide('clerk'), decide('supervisor')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
  });

  it('answers 404 on a foreign id for every role', async () => {
    for (const who of ['applicantB', 'otherClerk'] as const) {
      expect((await as(who, 'GET', `/api/v1/requests/${main.id}`)).status).toBe(404);
      expect((await as(who, 'POST', `/api/v1/requests/${main.id}/withdraw`, {})).status).toBe(404);
    }
    expect(
      (
        await as('otherClerk', 'POST', `/api/v1/requests/${main.id}/assign`, {
          clerkId: world.ids.otherClerk,
        })
      ).status,
    ).toBe(404);
    const view = await read();
    const docId = view.documents[0].id;
    expect((await as('applicantB', 'GET', `/api/v1/requests/${main.id}/documents/${docId}`)).status).toBe(
      404,
    );
    expect((await as('admin', 'GET', `/api/v1/requests/00000000-0000-4000-8000-000000000000`)).status).toBe(
      404,
    );
  });

  it('refuses an upload whose bytes are not an allowed type, writing nothing', async () => {
    const filed = await as('applicantB', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '上传测试',
      description: '类型检查',
    });
    const upload = new FormData();
    upload.append('file', new Blob([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])]), 'report.pdf');
    const refused = await fetch(`${base}/api/v1/requests/${filed.body.id}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.tokens.clerk}` },
      body: upload,
    });
    expect(refused.status).toBe(400);
    const view = (await as('clerk', 'GET', `/api/v1/requests/${filed.body.id}`)).body;
    expect(view.documents).toEqual([]);
    expect(view.events).toHaveLength(1);
  });

  it('refuses an upload over the size limit with a field message naming the limit (en, zh-CN)', async () => {
    const filed = await as('applicantB', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '上传测试',
      description: '大小检查',
    });
    // The messages follow the user's language: a second clerk of the agency who reads Chinese.
    const zhEmail = `zh-${world.emails.clerk}`;
    await db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       SELECT $2, password_hash, name, role, agency_id, 'zh-CN', now() FROM users WHERE id = $1`,
      [world.ids.clerk, zhEmail],
    );
    const signedIn = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: zhEmail, password: PASSWORD }),
    });
    const zhToken = ((await signedIn.json()) as { accessToken: string }).accessToken;
    // One byte over 20 MB: multipart stops at its limit, the controller names the limit.
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 1 - 9, 0x20)]);
    for (const [token, expected] of [
      [world.tokens.clerk, 'file is larger than the limit of 20 MB'],
      [zhToken, 'file 超过 20 MB 的上限'],
    ]) {
      const upload = new FormData();
      upload.append('file', new Blob([big]), 'big.pdf');
      const refused = await fetch(`${base}/api/v1/requests/${filed.body.id}/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: upload,
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await refused.json()) as { errors?: Array<{ field: string; message: string }> };
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'file', message: expected })]);
    }
    const view = (await as('clerk', 'GET', `/api/v1/requests/${filed.body.id}`)).body;
    expect(view.documents).toEqual([]);
  });

  it('recomputes open requests when an admin loads calendar overrides (API and CLI)', async () => {
    const filed = await as('applicantB', 'POST', '/api/v1/requests', {
      agencyCode: world.agency.code,
      subject: '日历测试',
      description: '新增放假日',
    });
    const dueOn = filed.body.dueOn as string;
    const year = dueOn.slice(0, 4);
    const path = `/api/v1/agencies/${world.agency.code}/calendar-overrides/${year}`;
    expect((await as('clerk', 'PUT', path, { holidays: [dueOn], workdays: [] })).status).toBe(403);
    const preview = await as('admin', 'GET', `${path}/preview?holidays=${dueOn}`);
    expect(preview.body.changed.map((c: { id: string }) => c.id)).toContain(filed.body.id);
    const loaded = await as('admin', 'PUT', path, { holidays: [dueOn], workdays: [] });
    expect(loaded.status).toBe(200);
    const moved = loaded.body.changed.find((c: { id: string }) => c.id === filed.body.id);
    expect(moved).toMatchObject({ from: dueOn });
    expect(moved.to > dueOn).toBe(true);
    const view = (await as('applicantB', 'GET', `/api/v1/requests/${filed.body.id}`)).body;
    expect(view.deadline.dueOn).toBe(moved.to);

    const cli = new AppProcess('cli', env, [
      'calendars',
      'load',
      '--agency',
      world.agency.code,
      '--year',
      year,
    ]).start();
    expect(await cli.wait()).toBe(0);
    expect(cli.output).toContain(`${filed.body.trackingNumber}: ${moved.to} -> ${dueOn}`);
  }, 60_000);

  it('documents every endpoint in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/api/docs-json`)).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/requests',
      '/api/v1/requests/{id}',
      '/api/v1/requests/{id}/decision',
      '/api/v1/requests/{id}/documents/{docId}',
      '/api/v1/agencies/{code}/calendar-overrides/{year}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('detects a tampered event with `audit verify`, naming the request and the seq', async () => {
    const verify = async () => {
      // Scoped to this suite's agency: other suites share the run's database.
      const cli = new AppProcess('cli', env, ['audit', 'verify', '--agency', world.agency.code]).start();
      return { code: await cli.wait(), output: cli.output };
    };
    const clean = await verify();
    expect(clean.output).toMatch(/^OK: /m);
    expect(clean.code).toBe(0);
    await db.query(`ALTER TABLE request_events DISABLE TRIGGER request_events_no_update_delete`);
    try {
      await db.query(
        `UPDATE request_events SET payload = '{"text":"forged"}' WHERE request_id = $1 AND seq = 4`,
        [main.id],
      );
    } finally {
      await db.query(`ALTER TABLE request_events ENABLE TRIGGER request_events_no_update_delete`);
    }
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`BROKEN ${main.trackingNumber}`);
    expect(broken.output).toContain('seq 4');
  }, 60_000);
});
