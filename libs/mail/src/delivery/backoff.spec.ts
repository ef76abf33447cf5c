import { MAX_RETRY_DELAY_MS, outboxMessageId, retryDelayMs } from './backoff';

describe(retryDelayMs.name, () => {
  it('doubles from the base after each failed attempt', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 5000))).toEqual([5000, 10_000, 20_000, 40_000]);
  });

  it('never waits more than an hour', () => {
    expect(retryDelayMs(12, 5000)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1000, 5000)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('treats a row that never failed like the first attempt', () => {
    expect(retryDelayMs(0, 250)).toBe(250);
  });
});

describe(outboxMessageId.name, () => {
  it('derives the Message-ID from the row id', () => {
    expect(outboxMessageId('6f1c2b9e-0d5a-4b7e-9a51-3c2d1e0f9a77')).toBe(
      '<outbox-6f1c2b9e-0d5a-4b7e-9a51-3c2d1e0f9a77@disclose>',
    );
  });
});
