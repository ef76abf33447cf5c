import { randomBytes } from 'node:crypto';
import { AppProcess, freePort, testProcessEnv, waitForHttp } from '@disclose/testing';

/** The admin CLI bootstraps the first agency and admin; the admin API, roles and login limits over HTTP. */
describe('agencies, users and roles (built cli + api)', () => {
  let api: AppProcess;
  let base: string;
  let env: Record<string, string>;
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const root = `E2E-${suffix}`;
  const adminEmail = `admin-${suffix}@example.org`.toLowerCase();
  const password = 'admin passphrase';

  async function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
    const process = new AppProcess('cli', env, args).start();
    const code = await process.wait();
    return { code, output: process.output };
  }

  const call = (method: string, path: string, body?: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  async function login(email: string, pass: string): Promise<string> {
    const response = await call('POST', '/api/v1/auth/login', { email, password: pass });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = testProcessEnv({ PORT: String(port), PUBLIC_URL: base });
    api = new AppProcess('api', env).start();
    await waitForHttp(`${base}/api/v1/agencies`, 200, 60_000);
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('creates the first agency and admin with the CLI; a duplicate code is one line and exit 1', async () => {
    const created = await cli(
      'agencies',
      'create',
      '--code',
      root,
      '--name',
      '平凉市国土资源局',
      '--rule-set',
      'cn-ogi-2019',
      '--timezone',
      'Asia/Shanghai',
      '--receipt-cutoff',
      '17:30',
    );
    expect(created).toMatchObject({ code: 0, output: expect.stringContaining(`Created agency ${root}`) });
    const duplicate = await cli(
      'agencies',
      'create',
      '--code',
      root,
      '--name',
      'x',
      '--rule-set',
      'cn-ogi-2019',
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.output.trim()).toBe(`disclose: An agency with the code ${root} already exists.`);
    const admin = await cli(
      'users',
      'create',
      '--email',
      adminEmail,
      '--password',
      password,
      '--name',
      'Admin',
      '--role',
      'admin',
      '--agency',
      root,
    );
    expect(admin.code).toBe(0);
  }, 240_000);

  it('lets the admin create a child agency and a supervisor; the supervisor lists staff, an applicant gets 403', async () => {
    const admin = await login(adminEmail, password);
    const child = await call(
      'POST',
      '/api/v1/agencies',
      {
        code: `${root}-KT`,
        nameZh: '崆峒区',
        parentCode: root,
        ruleSet: 'cn-ogi-2019',
        timezone: 'Asia/Shanghai',
      },
      admin,
    );
    expect(child.status).toBe(201);
    const patched = await call('PATCH', `/api/v1/agencies/${root}-KT`, { receiptCutoff: '16:00' }, admin);
    expect(await patched.json()).toMatchObject({ code: `${root}-KT`, receiptCutoff: '16:00' });
    expect((await call('GET', `/api/v1/agencies/${root}-KT`)).status).toBe(200);
    expect((await call('GET', '/api/v1/agencies/NO-SUCH-AGENCY')).status).toBe(404);

    const supEmail = `sup-${suffix}@example.org`.toLowerCase();
    const sup = await call(
      'POST',
      '/api/v1/users',
      { email: supEmail, password, name: 'Sup', role: 'supervisor', agencyCode: `${root}-KT` },
      admin,
    );
    expect(sup.status).toBe(201);
    const supToken = await login(supEmail, password);
    const staff = (await (await call('GET', '/api/v1/users', undefined, supToken)).json()) as {
      email: string;
    }[];
    expect(staff.map((s) => s.email)).toEqual([supEmail]);
    expect(
      (
        await call(
          'POST',
          '/api/v1/agencies',
          { code: `${root}-Z`, nameZh: 'z', ruleSet: 'us-foia', timezone: 'UTC' },
          supToken,
        )
      ).status,
    ).toBe(403);

    const applicantEmail = `app-${suffix}@example.org`.toLowerCase();
    await call('POST', '/api/v1/auth/register', {
      email: applicantEmail,
      password,
      name: 'A',
      applicantType: 'research',
    });
    const applicant = await login(applicantEmail, password);
    const forbidden = await call('GET', '/api/v1/users', undefined, applicant);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  }, 60_000);

  it('answers 429 with Retry-After after 10 failed logins for one email', async () => {
    const email = `victim-${suffix}@example.org`.toLowerCase();
    let last: Response | undefined;
    for (let i = 0; i < 11; i++)
      last = await call('POST', '/api/v1/auth/login', { email, password: 'wrong password' });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ code: 'AUTH.RATE_LIMITED', status: 429 });
  }, 60_000);
});
