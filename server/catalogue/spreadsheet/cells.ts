// Formula injection: a cell that starts with = + - @ (or a tab / carriage return) is run as a
// formula by Excel and WPS when the file is opened. Exported text gets a leading apostrophe,
// which spreadsheet programs treat as "this is text"; the import takes it off again, so a file
// round-trips to the same catalogue.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unneutralise(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
