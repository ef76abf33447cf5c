import { AppProcess, SmtpCapture, freePort, testProcessEnv, waitForHttp } from '@disclose/testing';

/** The built api and worker as real processes, against the run's PostgreSQL, Redis and an SMTP server. */
describe('foundation (built api + worker)', () => {
  const smtp = new SmtpCapture();
  let api: AppProcess;
  let worker: AppProcess;
  let base: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = testProcessEnv({ SMTP_URL: smtpUrl, PORT: String(port), PUBLIC_URL: base });
    api = new AppProcess('api', env).start();
    worker = new AppProcess('worker', env).start();
    await waitForHttp(`${base}/health`, 200, 60_000);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await smtp.stop();
  });

  it('reports database, queues and SMTP up on /health', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.details).toMatchObject({
      database: { status: 'up' },
      queues: { status: 'up', backend: 'redis' },
      smtp: { status: 'up' },
    });
  });

  it('round-trips a job from the api through BullMQ to the worker', async () => {
    const response = await fetch(`${base}/health/worker`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.status).toBe('up');
    expect(body.processedBy.pid).toEqual(expect.any(Number));
    expect(body.processedBy.pid).not.toBe(process.pid);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const json = await fetch(`${base}/api/docs-json`);
    expect(json.status).toBe(200);
    const document = (await json.json()) as any;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/health');
    const ui = await fetch(`${base}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('answers unknown routes with problem+json and echoes a request id', async () => {
    const response = await fetch(`${base}/no-such-thing`, { headers: { 'X-Request-Id': 'e2e-test-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('x-request-id')).toBe('e2e-test-1');
    const problem = (await response.json()) as any;
    expect(problem).toMatchObject({ status: 404, instance: '/no-such-thing' });
  });

  it('answers 503 naming SMTP when the mail server is unreachable', async () => {
    const port = await freePort();
    const deadSmtp = `smtp://127.0.0.1:${await freePort()}`;
    const broken = new AppProcess('api', { ...env, PORT: String(port), SMTP_URL: deadSmtp }).start();
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`, 503, 60_000);
      const problem = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as any;
      expect(problem.detail).toContain('smtp');
      expect(problem.checks.database.status).toBe('up');
      expect(problem.checks.smtp.status).toBe('down');
    } finally {
      await broken.stop();
    }
  }, 90_000);

  it('stops at start with one readable line when a variable is bad', async () => {
    const bad = new AppProcess('api', { ...env, DEFAULT_TIMEZONE: 'Mars/Olympus' }).start();
    const code = await bad.wait();
    expect(code).toBe(1);
    const lines = bad.output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DEFAULT_TIMEZONE');
  }, 60_000);
});
