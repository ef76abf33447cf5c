import { workingDaysLeft } from './working-days-left';
import { daysClass } from './views/queue.page';

describe(workingDaysLeft.name, () => {
  it('counts working days of the CN calendar, skipping the National Day holiday', () => {
    // 2025-09-30 (Tue) → 2025-10-09 (Thu): Oct 1–8 are holidays, Oct 9 is a working day.
    expect(workingDaysLeft('cn-ogi-2019', '2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysLeft('cn-ogi-2019', '2025-10-13', '2025-10-13')).toBe(0);
    expect(workingDaysLeft('cn-ogi-2019', '2025-10-13', '2025-10-17')).toBe(4);
  });

  it("counts on the agency's calendar: an extra holiday is not a working day, a make-up workday is", () => {
    // 2025-10-13 (Mon) → 2025-10-17 (Fri): 4 working days; the agency closes on the 15th.
    expect(workingDaysLeft('cn-ogi-2019', '2025-10-13', '2025-10-17', { holidays: ['2025-10-15'] })).toBe(3);
    // 2025-10-17 (Fri) → 2025-10-20 (Mon): 1 working day; the agency works on Saturday the 18th.
    expect(workingDaysLeft('cn-ogi-2019', '2025-10-17', '2025-10-20', { workdays: ['2025-10-18'] })).toBe(2);
    expect(workingDaysLeft('cn-ogi-2019', '2025-10-17', '2025-10-13', { holidays: ['2025-10-15'] })).toBe(-3);
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
