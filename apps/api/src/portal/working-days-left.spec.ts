import { workingDaysLeft } from './working-days-left';
import { daysClass } from './views/queue.page';

describe(workingDaysLeft.name, () => {
  it('counts working days of the CN calendar, skipping the National Day holiday', () => {
    // 2025-09-30 (Tue) → 2025-10-09 (Thu): Oct 1–8 are holidays, Oct 9 is a working day.
    expect(workingDaysLeft('cn-ogi-2019', '2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysLeft('cn-ogi-2019', '2025-10-13', '2025-10-13')).toBe(0);
    expect(workingDaysLeft('cn-ogi-2019', '2025-10-13', '2025-10-17')).toBe(4);
  });

  it('is negative once the due date has passed', () => {
    expect(workingDaysLeft('us-foia', '2025-06-04', '2025-06-02')).toBe(-2);
  });

  it('colours overdue, ≤2 and ≤5 working days', () => {
    expect([-1, 0, 2, 3, 5, 6, null].map(daysClass)).toEqual([
      'days-overdue',
      'days-2',
      'days-2',
      'days-5',
      'days-5',
      'days-ok',
      '',
    ]);
  });
});
