import { RecentIds } from './recent-ids';

describe(RecentIds.name, () => {
  it('remembers the last ids up to its capacity, forgetting the oldest first', () => {
    const recent = new RecentIds<string>(3);
    for (const id of ['a', 'b', 'c']) recent.set(id, `v${id}`);
    recent.set('a', 'again'); // refreshed: now the newest
    recent.set('d', 'vd');
    expect(['a', 'b', 'c', 'd'].map((id) => recent.get(id))).toEqual(['again', undefined, 'vc', 'vd']);
  });
});
