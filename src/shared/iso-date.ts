/** An ISO calendar date "YYYY-MM-DD" (GraphQL LocalDate), so "today" is explicit and testable. */
export type IsoDate = string;
