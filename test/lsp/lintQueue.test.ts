/** LintQueue on a hand-driven macrotask queue: every step is counted, nothing is timed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LintQueue, SupersededError } from '../../server/src/handlers/lintQueue';

/** setImmediate whose callbacks run only when the test says so. */
function manualTicks() {
  let pending: Array<() => void> = [];
  return {
    setImmediate(callback: () => void) {
      pending.push(callback);
      return { dispose: () => (pending = pending.filter((c) => c !== callback)) };
    },
    /** Runs the callbacks scheduled so far (one macrotask); returns how many ran. */
    tick(): number {
      const now = pending;
      pending = [];
      now.forEach((callback) => callback());
      return now.length;
    },
  };
}

test('a small document is linted inline, before any macrotask', async () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  let lints = 0;
  const result = queue.run(100, () => ++lints);
  assert.equal(lints, 1);
  assert.equal(await result, 1);
  assert.equal(ticks.tick(), 0, 'nothing was scheduled');
});

test('a large lint waits while messages keep arriving, then runs on the first quiet macrotask', async () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  let lints = 0;
  const result = queue.run(101, () => ++lints);
  for (let i = 0; i < 3; i++) {
    queue.noteActivity();
    ticks.tick();
  }
  assert.equal(lints, 0, 'every macrotask had a message to answer');
  ticks.tick();
  assert.equal(lints, 1);
  assert.equal(await result, 1);
});

test('a client that never stops sending cannot starve a large lint: it runs after 50 yields', () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  let lints = 0;
  void queue.run(101, () => ++lints);
  let macrotasks = 0;
  while (lints === 0 && macrotasks < 1000) {
    queue.noteActivity();
    macrotasks += ticks.tick();
  }
  assert.equal(macrotasks, 51);
});

test('a large lint nobody wants any more is skipped; shutdown skips the rest; the queue keeps going after a throwing lint', async () => {
  const ticks = manualTicks();
  const queue = new LintQueue(ticks.setImmediate, 100);
  const ran: string[] = [];
  const unwanted = queue.run(101, () => ran.push('unwanted'), () => false);
  const throwing = queue.run(101, () => {
    throw new Error('engine bug');
  });
  const wanted = queue.run(101, () => ran.push('wanted'));
  const late = queue.run(101, () => ran.push('late'));
  ticks.tick();
  ticks.tick();
  ticks.tick();
  await assert.rejects(unwanted, SupersededError);
  await assert.rejects(throwing, /engine bug/);
  assert.equal(await wanted, 1);
  queue.dispose();
  await assert.rejects(late, SupersededError);
  assert.equal(ticks.tick(), 0, 'nothing left scheduled');
  assert.deepEqual(ran, ['wanted']);
});
