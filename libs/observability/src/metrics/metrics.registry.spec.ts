import { MetricsRegistry } from '@disclose/observability';

describe(MetricsRegistry.name, () => {
  it('renders registered gauges in the Prometheus text format', async () => {
    const sut = new MetricsRegistry();
    sut.register('disclose_things', 'Things by kind', async () => [
      { labels: { kind: 'a"b\\c' }, value: 3 },
      { labels: { kind: 'plain' }, value: 0 },
    ]);
    sut.register('disclose_total', 'A total', async () => [{ value: 7 }]);
    expect(await sut.render()).toBe(
      [
        '# HELP disclose_things Things by kind',
        '# TYPE disclose_things gauge',
        'disclose_things{kind="a\\"b\\\\c"} 3',
        'disclose_things{kind="plain"} 0',
        '# HELP disclose_total A total',
        '# TYPE disclose_total gauge',
        'disclose_total 7',
        '',
      ].join('\n'),
    );
  });

  it('keeps reporting the other gauges when one collector fails', async () => {
    const sut = new MetricsRegistry();
    sut.register('disclose_broken', 'Fails', async () => Promise.reject(new Error('db down')));
    sut.register('disclose_ok', 'Works', async () => [{ value: 1 }]);
    const text = await sut.render();
    expect(text).toContain('disclose_ok 1');
    expect(text).not.toContain('disclose_broken{');
  });

  it('refuses bad and duplicate names', () => {
    const sut = new MetricsRegistry();
    expect(() => sut.register('bad-name', 'x', async () => [])).toThrow(/bad metric name/);
    sut.register('disclose_once', 'x', async () => []);
    expect(() => sut.register('disclose_once', 'x', async () => [])).toThrow(/twice/);
  });
});
