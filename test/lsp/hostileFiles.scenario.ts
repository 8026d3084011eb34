/**
 * Run as a child process by hostileFiles.test.ts: a FIFO that the server opened blockingly
 * would freeze this whole process, so the parent holds the timeout. Prints one JSON line.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withClient } from './harness';
import { MCP_JSON } from './fixtures';

type Special = 'fifo' | 'zero';
const [settingsFile, policyFile, scannedConfig] = process.argv.slice(2) as [Special | 'none', Special | 'none', Special | 'none'];

function special(path: string, kind: Special): void {
  mkdirSync(dirname(path), { recursive: true });
  if (kind === 'fifo') execFileSync('mkfifo', [path]);
  else symlinkSync('/dev/zero', path);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'mcp-hygiene-hostile-files-'));
  try {
    mkdirSync(join(root, '.vscode'), { recursive: true });
    writeFileSync(join(root, '.vscode/mcp.json'), MCP_JSON);
    if (policyFile !== 'none') special(join(root, 'policy.json'), policyFile);
    if (settingsFile !== 'none') special(join(root, '.mcp-hygiene.json'), settingsFile);
    else if (policyFile !== 'none') writeFileSync(join(root, '.mcp-hygiene.json'), JSON.stringify({ policyFile: 'policy.json' }));
    if (scannedConfig !== 'none') special(join(root, '.cursor/mcp.json'), scannedConfig);
    const uri = pathToFileURL(join(root, '.vscode/mcp.json')).toString();
    let result: Record<string, unknown> = {};
    await withClient(
      { pull: true, workspaceFolder: pathToFileURL(root).toString(), settings: {}, initializationOptions: { workspaceTrusted: true } },
      async (client) => {
        await client.open(uri, MCP_JSON);
        const items = await client.pullItems(uri);
        const hover = await client.hover(uri, { line: 3, character: 6 });
        await new Promise((resolve) => setTimeout(resolve, 200));
        result = {
          diagnostics: items.map((d) => d.code),
          hover: hover !== null,
          messages: client.messages.all().map((m) => m.message),
          published: client.published
            .all()
            .filter((p) => p.diagnostics.length > 0)
            .map((p) => p.uri.slice(pathToFileURL(root).toString().length)),
        };
      },
    );
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(String(error?.stack ?? error) + '\n');
    process.exit(1);
  },
);
