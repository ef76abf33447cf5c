import { formatCaseTable, type CaseLine } from './cases.command';

const line = (over: Partial<CaseLine>): CaseLine => ({
  agency: 'PLGT',
  tracking: 'PLGT-2025-000001',
  kind: 'reconsideration',
  caseNumber: null,
  filedOn: '2025-08-01',
  outcome: 'pending',
  disposition: null,
  next: 'decision_due 2025-10-09',
  owner: 'legal@example.org',
  id: '3b0c6c36-1111-4000-8000-000000000001',
  ...over,
});

describe(formatCaseTable.name, () => {
  it('aligns the columns, counting Chinese characters as two columns wide', () => {
    const table = formatCaseTable([
      line({ caseNumber: '平政复〔2025〕12号' }),
      line({
        caseNumber: 'IR-1',
        outcome: 'corrected',
        disposition: 'revoked_re_reply',
        next: null,
        owner: null,
      }),
    ]).split('\n');
    expect(table).toHaveLength(3);
    // Display columns: the ID starts at the same column on every line, whatever the case number's script.
    const wide = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) >= 0x1100 ? 2 : 1), 0);
    const idColumn = table.map((l) => wide(l.slice(0, l.lastIndexOf('  ') + 2)));
    expect(new Set(idColumn).size).toBe(1);
    expect(table[1].length).toBeLessThan(table[2].length); // fewer characters, same display width before the ID
    expect(table[2]).toContain('corrected (revoked_re_reply)');
    expect(table[2]).toMatch(/2025-08-01\s+corrected \(revoked_re_reply\)\s+-\s+-\s+3b0c6c36/);
  });

  it('prints only the header for no cases', () => {
    expect(formatCaseTable([])).toMatch(
      /^AGENCY\s+REQUEST\s+KIND\s+CASE NO\.\s+FILED\s+OUTCOME\s+NEXT DEADLINE\s+IN CHARGE\s+ID$/,
    );
  });
});
