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
