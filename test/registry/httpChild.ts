/**
 * Run by http.test.ts in a child process (`node --import tsx`): performs the lookups given as
 * JSON in argv[2] with httpRequest, one after the other, prints one JSON line per result, then
 * `{"done": <ms>}` and returns without calling process.exit — so the parent can check that
 * nothing (a socket, a timer, an agent) keeps the process alive after the lookups, as the CLI
 * needs. Run in a child so NODE_EXTRA_CA_CERTS (read at start-up) can trust a test certificate.
 */
import { httpRequest, RegistryError, type HttpOptions } from '../../server/src/registry/http';

interface Job {
  url: string;
  options: Omit<HttpOptions, 'signal'> & { cancelAfterMs?: number };
}

async function main(): Promise<void> {
  const jobs = JSON.parse(process.argv[2] ?? '[]') as Job[];
  for (const job of jobs) {
    const { cancelAfterMs, ...options } = job.options;
    const controller = new AbortController();
    const cancel = cancelAfterMs === undefined ? undefined : setTimeout(() => controller.abort(), cancelAfterMs);
    try {
      const response = await httpRequest(job.url, { ...options, signal: controller.signal });
      process.stdout.write(JSON.stringify({ status: response.status, body: response.body.toString('utf8') }) + '\n');
    } catch (error) {
      process.stdout.write(JSON.stringify(error instanceof RegistryError ? { reason: error.reason, message: error.message } : { crash: String(error) }) + '\n');
    } finally {
      if (cancel) clearTimeout(cancel);
    }
  }
  process.stdout.write(JSON.stringify({ done: Date.now() }) + '\n');
}

void main();
