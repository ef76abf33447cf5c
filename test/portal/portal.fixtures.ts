import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hashPassword } from '@disclose/identity';

export const PASSWORD = 'correct horse battery staple';
export const SCREENSHOTS = join(__dirname, '../../artifacts/screenshots');

/** Debian's Chromium (installed by .ci/run when missing) with the flags of STACK.md. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

type Person = { id: string; email: string; name: string };

export interface PortalWorld {
  agency: { id: string; code: string; name: string };
  /** A UK FOI agency: its replies can be challenged online by an internal review. */
  uk: { id: string; code: string };
  staff: Record<'clerk' | 'supervisor' | 'admin' | 'ukClerk' | 'ukLegal', Person>;
}

/** One agency and its staff, in SQL as an admin would create them with the CLI (unique per run). */
export async function createPortalWorld(db: Client): Promise<PortalWorld> {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const code = `PT${suffix}`;
  const name = `门户测试局 ${suffix}`;
  const { rows } = await db.query(
    `INSERT INTO agencies (code, name_zh, name_en, rule_set, timezone)
     VALUES ($1, $2, $3, 'cn-ogi-2019', 'Asia/Shanghai') RETURNING id`,
    [code, name, `Portal Test Bureau ${suffix}`],
  );
  const hash = await hashPassword(PASSWORD);
  const staff = {} as PortalWorld['staff'];
  for (const role of ['clerk', 'supervisor', 'admin'] as const) {
    const email = `${role}-${suffix.toLowerCase()}@portal.test`;
    const person = `${role[0].toUpperCase()}${role.slice(1)} ${suffix}`;
    const inserted = await db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, 'en', now()) RETURNING id`,
      [email, hash, person, role, rows[0].id],
    );
    staff[role] = { id: inserted.rows[0].id, email, name: person };
  }
  const uk = await db.query(
    `INSERT INTO agencies (code, name_zh, name_en, rule_set, timezone)
     VALUES ($1, $2, $3, 'uk-foia', 'Europe/London') RETURNING id`,
    [`${code}-UK`, `英国测试署 ${suffix}`, `UK Test Office ${suffix}`],
  );
  for (const [key, role] of [
    ['ukClerk', 'clerk'],
    ['ukLegal', 'legal'],
  ] as const) {
    const email = `${key.toLowerCase()}-${suffix.toLowerCase()}@portal.test`;
    const person = `${key} ${suffix}`;
    const inserted = await db.query(
      `INSERT INTO users (email, password_hash, name, role, agency_id, locale, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, 'en', now()) RETURNING id`,
      [email, hash, person, role, uk.rows[0].id],
    );
    staff[key] = { id: inserted.rows[0].id, email, name: person };
  }
  return { agency: { id: rows[0].id, code, name }, uk: { id: uk.rows[0].id, code: `${code}-UK` }, staff };
}

/** The JSON API as a signed-in user (setting up what the browser test does not walk through). */
export async function apiAs(base: string, email: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, any>) : {};
  };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A/AA rules and best practices) in the page and answers every violation.
 * Injected through the DevTools protocol, so the page's strict CSP stays on during the check.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<any> } }).axe;
    const result = await axe.run({
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Today + n calendar days in Asia/Shanghai, 'YYYY-MM-DD'. */
export function shanghaiDate(plusDays = 0): string {
  const d = new Date(Date.now() + plusDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}
