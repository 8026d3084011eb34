/**
 * The only way a secret-bearing value may be shown anywhere (hovers, logs, CLI): a short
 * prefix that helps recognise which key it is, then an ellipsis. Short values show nothing.
 */
export function maskSecret(value: string): string {
  if (value.length < 12) return '•••';
  return value.slice(0, 4) + '…';
}
