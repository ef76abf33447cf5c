import { emptyTable2, emptyTable3 } from './annual-report.types';
import { verifyTables } from './annual-report.verify';
import { requestsSentence } from './prefill';

describe(verifyTables.name, () => {
  const consistent = () => {
    const t = emptyTable2();
    const put = (row: string, col: string, n: number): void => {
      t[row][col] += n;
      t[row].total += n;
    };
    put('new_this_year', 'commercial', 5);
    put('carried_from_last_year', 'commercial', 1);
    put('disclosed', 'commercial', 4);
    put('total_processed', 'commercial', 4);
    put('carried_to_next_year', 'commercial', 2);
    return t;
  };

  it('accepts tables that add up', () => {
    expect(verifyTables(consistent(), emptyTable3())).toEqual([]);
  });

  it('names each broken identity: 勾稽关系, Σ21 rows, total column, table 3 totals', () => {
    const t = consistent();
    t.carried_to_next_year.commercial = 3;
    t.disclosed.total = 9;
    const r = emptyTable3();
    r.litigation_direct.pending = 2;
    expect(verifyTables(t, r)).toEqual([
      'commercial: new_this_year + carried_from_last_year = 6 ≠ total_processed + carried_to_next_year = 7',
      'total: total_processed = 4 ≠ sum of the 21 outcome rows = 9',
      'disclosed: total = 9 ≠ sum of the six applicant columns = 4',
      'carried_to_next_year: total = 2 ≠ sum of the six applicant columns = 3',
      'litigation_direct: total = 0 ≠ upheld + corrected + other + pending = 2',
    ]);
  });
});

describe(requestsSentence.name, () => {
  it.each([
    [2, 0, { answered: 2, onTime: 2, late: 0 }, '本年共收到政府信息公开申请2件，全部按期答复。'],
    [
      5,
      1,
      { answered: 4, onTime: 4, late: 0 },
      '本年共收到政府信息公开申请5件，本年答复4件，其中按期答复4件，结转下年度继续办理1件。',
    ],
    [
      3,
      0,
      { answered: 3, onTime: 2, late: 1 },
      '本年共收到政府信息公开申请3件，本年答复3件，其中按期答复2件。',
    ],
  ])('%i received, %i carried, %o', (received, carried, onTime, sentence) => {
    const requests = emptyTable2();
    requests.new_this_year.total = received;
    requests.carried_to_next_year.total = carried;
    expect(requestsSentence({ requests, onTime: { ...onTime, rate: null } })).toBe(sentence);
  });
});
