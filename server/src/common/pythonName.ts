/** A PyPI project name as the index compares it (PEP 503): lower case, runs of `-`, `_`, `.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
