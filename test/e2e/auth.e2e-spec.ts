import { randomBytes } from 'node:crypto';
import { AppProcess, freePort, testProcessEnv, waitForHttp } from '@disclose/testing';

/** Accounts and sessions over HTTP against the built api, the run's PostgreSQL and Redis. */
describe('auth (built api)', () => {
  let api: AppProcess;
  let base: string;
  const email = `e2e-${randomBytes(4).toString('hex')}@example.org`;
  const password = 'correct horse battery';

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = new AppProcess('api', testProcessEnv({ PORT: String(port), PUBLIC_URL: base })).start();
    await waitForHttp(`${base}/api/v1/agencies`, 200, 60_000);
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('registers, logs in, reads /me by Bearer and by cookie, logs out, then answers 401', async () => {
    const registered = await post('/api/v1/auth/register', {
      email,
      password,
      name: '张三',
      applicantType: 'natural_person',
    });
    expect(registered.status).toBe(201);
    expect(await registered.json()).toEqual({
      id: expect.any(String),
      email,
      name: '张三',
      role: 'applicant',
    });

    const login = await post('/api/v1/auth/login', { email: email.toUpperCase(), password });
    expect(login.status).toBe(200);
    const { accessToken, expiresAt } = (await login.json()) as { accessToken: string; expiresAt: string };
    expect(accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`disclose_session=${accessToken}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const byBearer = await fetch(`${base}/api/v1/me`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(byBearer.status).toBe(200);
    expect(await byBearer.json()).toMatchObject({
      email,
      role: 'applicant',
      applicantType: 'natural_person',
      locale: 'zh-CN',
    });
    const byCookie = await fetch(`${base}/api/v1/me`, {
      headers: { cookie: `disclose_session=${accessToken}` },
    });
    expect(byCookie.status).toBe(200);

    const logout = await post('/api/v1/auth/logout', {}, { authorization: `Bearer ${accessToken}` });
    expect(logout.status).toBe(204);
    const after = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toContain('application/problem+json');
    expect(await after.json()).toMatchObject({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('answers 401 without a session and with a wrong password', async () => {
    expect((await fetch(`${base}/api/v1/me`)).status).toBe(401);
    const wrong = await post('/api/v1/auth/login', { email, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      detail: 'Wrong email or password.',
    });
  });

  it('answers 400 problem+json with zh-CN field messages for Accept-Language: zh-CN', async () => {
    const response = await post(
      '/api/v1/auth/register',
      { email: 'not-an-email', password: 'short', name: 'X', applicantType: 'martian' },
      { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as {
      code: string;
      detail: string;
      errors: { field: string; message: string }[];
    };
    expect(problem.code).toBe('VALIDATION.FAILED');
    expect(problem.detail).toContain('输入有误');
    const byField = Object.fromEntries(problem.errors.map((e) => [e.field, e.message]));
    expect(byField.email).toBe('email 必须是有效的电子邮箱地址');
    expect(byField.password).toBe('password 长度不能少于 10 个字符');
    expect(byField.applicantType).toContain('必须是以下值之一');
  });

  it('refuses an unknown field with 400 and writes nothing', async () => {
    const other = `e2e-${randomBytes(4).toString('hex')}@example.org`;
    const body = { email: other, password, name: 'Y', applicantType: 'research', role: 'admin' };
    const response = await post('/api/v1/auth/register', body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; constraint: string }[] };
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ field: 'role', constraint: 'whitelistValidation' }),
    );
    const login = await post('/api/v1/auth/login', { email: other, password });
    expect(login.status).toBe(401);
  });

  it('answers 409 for an email that is already registered (any letter case), localized', async () => {
    const response = await post(
      '/api/v1/auth/register',
      { email: email.toUpperCase(), password, name: 'Z', applicantType: 'commercial' },
      { 'accept-language': 'zh-CN' },
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'AUTH.EMAIL_TAKEN', detail: '该邮箱已被注册。' });
  });

  it('answers 202 to a reset request whether or not the email has an account', async () => {
    expect((await post('/api/v1/auth/password-reset', { email })).status).toBe(202);
    expect((await post('/api/v1/auth/password-reset', { email: `nobody-${email}` })).status).toBe(202);
  });

  it('lists agencies publicly and lists the auth endpoints in the OpenAPI document', async () => {
    expect((await fetch(`${base}/api/v1/agencies`)).status).toBe(200);
    const document = (await (await fetch(`${base}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/register',
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/agencies',
        '/api/v1/users',
      ]),
    );
  });
});
