export const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export function printLogins(logins: { role: string; email: string; password: string }[]): void {
  out('Demo logins (werkruimte "demo"):');
  for (const l of logins) out(`  ${l.role.padEnd(15)} ${l.email.padEnd(34)} ${l.password}`);
}
