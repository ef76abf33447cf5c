import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { hashPassword } from '@disclose/identity';
import {
  AppProcess,
  SmtpCapture,
  currentTestRun,
  freePort,
  testProcessEnv,
  waitForHttp,
} from '@disclose/testing';

const PASSWORD = 'correct horse battery staple';
/** The JSON body, loosely typed: the assertions walk it freely. */
const body = (res: Response): Promise<any> => res.json();

/** Issue 7 end to end: CSV import through the built CLI, the annual report over HTTP and from the CLI. */
describe('reports (built api + cli)', () => {
  const db = new Client({ connectionString: currentTestRun().databaseUrl });
  const smtp = new SmtpCapture();
  const dir = mkdtempSync(join(tmpdir(), 'disclose-reports-'));
  const s = randomBytes(3).toString('hex').toUpperCase();
  const P = `RPTP${s}`;
  const C = `RPTC${s}`;
  const U = `RPTU${s}`;
  const B = `RPTB${s}`;
  let env: Record<string, string>;
  let api: AppProcess;
  let base: string;
  const tokens: Record<string, string> = {};

  const cli = async (...args: string[]): Promise<{ code: number | null; out: string }> => {
    const p = new AppProcess('cli', env, args).start();
    const code = await p.wait();
    return { code, out: p.output };
  };
  const get = (who: string, path: string) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = testProcessEnv({ SMTP_URL: await smtp.start(), PORT: String(port), PUBLIC_URL: base });
    api = new AppProcess('api', env).start();
    await db.connect();
    const agency = async (code: string, ruleSet: string, parent: string | null) =>
      (
        await db.query(
          `INSERT INTO agencies (code, name_zh, name_en, parent_id, rule_set, timezone) VALUES ($1, $2, $2, $3, $4, 'Asia/Shanghai') RETURNING id`,
          [code, `报告测试${code}`, parent, ruleSet],
        )
      ).rows[0].id as string;
    const p = await agency(P, 'cn-ogi-2019', null);
    const c = await agency(C, 'cn-ogi-2019', p);
    const u = await agency(U, 'us-foia', null);
    await agency(B, 'cn-ogi-2019', null);
    await waitForHttp(`${base}/health`, 200, 60_000);
    const hash = await hashPassword(PASSWORD);
    for (const [key, role, agencyId] of [
      ['supervisor', 'supervisor', p],
      ['clerkC', 'clerk', c],
      ['clerkP', 'clerk', p],
      ['usClerk', 'clerk', u],
      ['admin', 'admin', p],
    ]) {
      const email = `${key.toLowerCase()}-${s.toLowerCase()}@reports.test`;
      await db.query(
        `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at) VALUES ($1, $2, $3, $4, $5, 'zh-CN', now())`,
        [email, hash, key, role, agencyId],
      );
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      tokens[key] = ((await login.json()) as { accessToken: string }).accessToken;
    }
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
    await db.end();
    await smtp.stop();
  });

  it('imports requests and cases from CSV: refuses a bad file by line, then imports once (idempotent)', async () => {
    writeFileSync(
      join(dir, 'bad.csv'),
      `tracking_number,agency_code,applicant_type,channel,received_on,outcome,closed_on\n${P}-X,${P},natural_person,online,2025-02-30,,\n`,
    );
    const bad = await cli('import', 'requests', join(dir, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('line 2: received_on "2025-02-30" is not a date (YYYY-MM-DD)');
    expect(bad.out).toContain('nothing imported');

    const rows = [
      `${P}-1,${P},natural_person,online,2024-11-20,disclosed,2025-01-10`,
      `${P}-2,${P},commercial,mail,2025-02-03,partially_disclosed,2025-02-20`,
      `${P}-3,${P},natural_person,online,2025-12-22,,`,
      `${C}-1,${C},legal_services,online,2025-03-03,withheld.state_secret,2025-03-25`,
      `${C}-2,${C},natural_person,in_person,2025-05-06,other.clarification_lapsed,2025-06-10`,
      `${C}-3,${C},research,email,2023-05-06,unavailable.not_held,2023-05-20`,
      `${U}-1,${U},natural_person,online,2024-09-16,disclosed,2024-10-21`,
      `${U}-2,${U},commercial,online,2025-01-15,withheld.third_party_rights,2025-02-10`,
      `${U}-3,${U},natural_person,online,2025-08-01,,`,
    ];
    writeFileSync(
      join(dir, 'requests.csv'),
      `\ufefftracking_number,agency_code,applicant_type,channel,received_on,outcome,closed_on\r\n${rows.join('\r\n')}\r\n`,
    );
    const first = await cli('import', 'requests', join(dir, 'requests.csv'));
    expect(first.out).toContain('requests: 9 line(s): 9 inserted, 0 updated, 0 unchanged, 0 skipped');
    expect(first.out).toMatch(/importing requests \[#+\] 100% 9\/9/);
    const again = await cli('import', 'requests', join(dir, 'requests.csv'));
    expect(again.out).toContain('requests: 9 line(s): 0 inserted, 0 updated, 9 unchanged, 0 skipped');

    writeFileSync(
      join(dir, 'cases.csv'),
      `request_tracking_number,kind,filed_on,outcome,closed_on\n${P}-2,reconsideration,2025-03-10,upheld,2025-05-10\n${C}-1,litigation_direct,2025-04-01,,\n`,
    );
    expect((await cli('import', 'cases', join(dir, 'cases.csv'))).out).toContain(
      'cases: 2 line(s): 2 inserted',
    );
    expect((await cli('import', 'cases', join(dir, 'cases.csv'))).out).toContain(
      'cases: 2 line(s): 0 inserted, 0 updated, 2 unchanged',
    );
  }, 120_000);

  it('serves the annual report as JSON to staff of the agency or above, and the CLI prints the same', async () => {
    const res = await get('supervisor', `/api/v1/reports/annual?agency=${P}&year=2025&subordinates=true`);
    expect(res.status).toBe(200);
    const report = await body(res);
    expect(report.requests.new_this_year).toEqual({
      natural_person: 2,
      commercial: 1,
      research: 0,
      social_welfare: 0,
      legal_services: 1,
      other_org: 0,
      total: 4,
    });
    expect(report.requests.carried_from_last_year.total).toBe(1);
    expect(report.requests.disclosed.natural_person).toBe(1);
    expect(report.requests['other.clarification_lapsed'].natural_person).toBe(1);
    expect(report.requests.total_processed.total).toBe(4);
    expect(report.requests.carried_to_next_year).toMatchObject({ natural_person: 1, total: 1 });
    expect(report.reviews.reconsideration).toEqual({
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 1,
    });
    expect(report.reviews.litigation_direct).toMatchObject({ pending: 1, total: 1 });
    expect(report.onTime).toEqual({ answered: 3, onTime: 2, late: 1, rate: 0.6667 });
    expect(report.sections.requests).toBe(
      '本年共收到政府信息公开申请4件，本年答复3件，其中按期答复2件，结转下年度继续办理1件。',
    );

    const alone = await body(await get('supervisor', `/api/v1/reports/annual?agency=${P}&year=2025`));
    expect(alone.requests.new_this_year.total).toBe(2);
    expect((await get('clerkC', `/api/v1/reports/annual?agency=${P}&year=2025`)).status).toBe(404);
    expect((await get('clerkC', `/api/v1/reports/annual?agency=${C}&year=2025`)).status).toBe(200);
    const invalid = await get('supervisor', `/api/v1/reports/annual?agency=${P}&year=20x5`);
    expect(invalid.status).toBe(400);
    expect((await body(invalid)).errors[0].field).toBe('year');

    const out = await cli(
      'report',
      'annual',
      '--agency',
      P,
      '--year',
      '2025',
      '--subordinates',
      '--format',
      'json',
    );
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/1\/3 querying\n2\/3 verifying\n3\/3 rendering/);
    const printed = JSON.parse(out.out.slice(out.out.indexOf('{')));
    expect(printed.requests).toEqual(report.requests);
    expect(printed.reviews).toEqual(report.reviews);
  }, 60_000);

  it('stores table 1 and the texts (supervisor only) and renders HTML, DOCX and XLSX', async () => {
    const put = (who: string, body: unknown) =>
      fetch(`${base}/api/v1/reports/annual/texts`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const texts = {
      agency: P,
      year: 2025,
      table1: { regulations: { issued: 3, repealed: 1, in_force: 41 } },
      sections: { overview: '本机关高度重视政府信息公开工作。' },
    };
    expect((await put('clerkP', texts)).status).toBe(403);
    expect((await put('supervisor', { ...texts, table1: { nonsense: { x: 1 } } })).status).toBe(400);
    expect((await put('supervisor', texts)).status).toBe(200);
    const report = await body(
      await get('supervisor', `/api/v1/reports/annual?agency=${P}&year=2025&subordinates=true`),
    );
    expect(report.table1.regulations.in_force).toBe(41);
    expect(report.sections.overview).toBe('本机关高度重视政府信息公开工作。');

    const html = await get(
      'supervisor',
      `/api/v1/reports/annual.html?agency=${P}&year=2025&subordinates=true`,
    );
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('<th colspan="7">申请人情况</th>');
    expect(page).toContain('本机关高度重视政府信息公开工作。');
    const docx = await get(
      'supervisor',
      `/api/v1/reports/annual.docx?agency=${P}&year=2025&subordinates=true`,
    );
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    const file = join(dir, 'report.xlsx');
    expect(
      (
        await cli(
          'report',
          'annual',
          '--agency',
          P,
          '--year',
          '2025',
          '--subordinates',
          '--format',
          'xlsx',
          '--out',
          file,
        )
      ).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    const sheet = wb.getWorksheet('表二 收到和处理申请') as ExcelJS.Worksheet;
    expect(sheet.getRow(6).getCell(8).value).toBe(4);
    expect((wb.getWorksheet('表一 主动公开') as ExcelJS.Worksheet).getCell('D5').value).toBe(41);
  }, 60_000);

  it('gives the DOJ core tables for a us-foia agency over the fiscal year', async () => {
    const res = await get('usClerk', `/api/v1/reports/annual?agency=${U}&year=2025`);
    expect(res.status).toBe(200);
    const doj = await body(res);
    expect(doj.period).toEqual({ from: '2024-10-01', to: '2025-09-30' });
    expect(doj.requests).toEqual({ pendingStart: 1, received: 2, processed: 2, pendingEnd: 1 });
    expect(doj.dispositions).toMatchObject({ full_grants: 1, full_denials_based_on_exemptions: 1, total: 2 });
    // Working days (5 U.S.C. 6103): 2025-01-15 → 02-10 is 17 (MLK day off); 2024-09-16 → 10-21 is 24 (Columbus Day off).
    // No track set: both count as simple (section VII by track).
    expect(doj.responseTimes).toMatchObject({ unit: 'working_days', simple: { lowest: 17, highest: 24 } });
    expect(doj.responseTimes.complex).toEqual({ median: null, average: null, lowest: null, highest: null });
    expect((await get('usClerk', `/api/v1/reports/annual.docx?agency=${U}&year=2025`)).status).toBe(400);
  }, 60_000);

  it('answers 409 naming the request when the data does not add up', async () => {
    const { rows } = await db.query(`SELECT id, applicant_id FROM requests WHERE tracking_number = $1`, [
      `${P}-2`,
    ]);
    const bId = (await db.query(`SELECT id FROM agencies WHERE code = $1`, [B])).rows[0].id;
    await db.query(
      `INSERT INTO requests (tracking_number, agency_id, applicant_id, created_by, subject, description, delivery_method, channel,
         received_on, rule_set, status, due_on, outcome, applicant_type)
       VALUES ($1, $2, $3, $3, 's', 'd', 'electronic', 'online', '2025-04-01', 'cn-ogi-2019', 'decided', '2025-04-29', 'disclosed', 'research')`,
      [`${B}-BROKEN`, bId, rows[0].applicant_id],
    );
    const res = await get('admin', `/api/v1/reports/annual?agency=${B}&year=2025`);
    expect(res.status).toBe(409);
    const problem = await body(res);
    expect(problem.code).toBe('REPORT.INCONSISTENT');
    expect(problem.trackingNumbers).toEqual([`${B}-BROKEN`]);
  });

  it('serves the dashboard figures', async () => {
    const res = await get('supervisor', `/api/v1/stats?agency=${P}&from=2025-01-01&to=2025-12-31`);
    expect(res.status).toBe(200);
    const stats = await body(res);
    expect(stats.totals).toMatchObject({ received: 4, answered: 3, onTime: 2, open: 1, overdue: 0 });
    expect(stats.byAgency.map((a: { agency: string; received: number }) => [a.agency, a.received])).toEqual([
      [C, 2],
      [P, 2],
    ]);
    expect(stats.byMonth.find((m: { month: string }) => m.month === '2025-02')).toMatchObject({
      received: 1,
      answered: 1,
    });
    expect((await get('supervisor', `/api/v1/stats?agency=${P}&from=2025-13-01&to=2025-12-31`)).status).toBe(
      400,
    );
  });
});
