import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, ENV_VARS, loadConfig } from '@disclose/config';

function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return env;
}

describe(loadConfig.name, () => {
  const example = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');

  it('accepts .env.example', () => {
    const env = parseEnvFile(example);
    const config = loadConfig(env);
    expect(config.defaultTimezone).toBe('Asia/Shanghai');
    expect(config.databaseUrl).toBe(env.DATABASE_URL);
  });

  it('documents every variable of the schema in .env.example', () => {
    const documented = Object.keys(parseEnvFile(example));
    expect(documented.sort()).toEqual(ENV_VARS.map((v) => v.name).sort());
  });

  it('documents every variable in the README configuration table', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    // Prettier pads the table's cells, so the name is followed by any number of spaces.
    for (const { name } of ENV_VARS) expect(readme).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
  });

  it('fills every default when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      queueBackend: 'redis',
      logLevel: 'info',
      nodeEnv: 'development',
    });
  });

  it('reads rate limits as count/window and trustProxy as boolean, hops or a list', () => {
    const config = loadConfig({
      RATE_LIMIT_FILING_PER_ACCOUNT: '5/90s',
      RATE_LIMIT_REGISTER_PER_IP: '0/1h',
      TRUST_PROXY: '2',
    });
    expect(config.rateLimits.filingPerAccount).toEqual({ max: 5, windowMs: 90_000 });
    expect(config.rateLimits.registerPerIp).toEqual({ max: 0, windowMs: 3_600_000 });
    expect(config.rateLimits.loginPerEmail).toEqual({ max: 10, windowMs: 15 * 60_000 });
    expect(config.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({}).trustProxy).toBe('loopback');
  });

  it.each([
    ['PORT', 'http'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['REDIS_URL', 'nonsense'],
    ['SMTP_URL', 'http://mail'],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
    ['QUEUE_BACKEND', 'kafka'],
    ['REDIS_PREFIX', 'a:b'],
    ['RATE_LIMIT_LOGIN_PER_EMAIL', 'ten'],
    ['RATE_LIMIT_FILING_PER_IP', '10/0s'],
    ['RATE_LIMIT_REGISTER_PER_IP', '10/90d'],
    ['SESSION_TTL_DAYS', '0'],
    ['TRUST_PROXY', 'evil"value'],
  ])('rejects %s=%s with one line naming the variable', (name, value) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
    expect((caught as ConfigError).variable).toBe(name);
  });
});
