/** The time source of the cases services (tests inject a fixed one; STYLE.md: drive time with a clock). */
export interface CasesClock {
  now(): Date;
}

/** Nest injection token of the {@link CasesClock}. */
export const CASES_CLOCK = Symbol('CASES_CLOCK');
