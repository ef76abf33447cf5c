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

export interface PortalWorld {
  agency: { id: string; code: string; name: string };
  staff: Record<'clerk' | 'supervisor' | 'admin', { id: string; email: string; name: string }>;
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
  return { agency: { id: rows[0].id, code, name }, staff };
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
