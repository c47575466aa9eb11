/**
 * A PostgreSQL array literal ('{a,b}') for one bind parameter, cast in the SQL (`::uuid[]`):
 * a list of thousands of ids costs one parameter instead of one each. Only for values without
 * commas, braces, quotes or spaces (uuids, periods, codes).
 */
export const arrayLiteral = (values: readonly string[]): string => `{${values.join(',')}}`;
