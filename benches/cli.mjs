// The CLI's batch mode on one core: `taskset -c 0 wary check --json -` over issue 15's
// realistic mix (tools/bench_corpus.py: a million distinct hosts, each judged once a run),
// output to /dev/null; the wall time of the whole process, start-up included, median of 3 runs,
// and its CPU time (user + system, from bash's `time`), which other work on a shared core does
// not inflate. Run after `cargo build --release` and tools/bench_corpus.py:
//   node benches/cli.mjs   (figures: bench-output/cli.json)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hostMix, median, record, root } from './common.mjs';

const wary = fileURLToPath(new URL('target/release/wary', root));
const inputPath = fileURLToPath(new URL('bench-output/cli-hosts.txt', root));
const { hosts } = await hostMix();
const count = hosts.length;
writeFileSync(inputPath, hosts.join('\n') + '\n');

const seconds = [];
const cpuSeconds = [];
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const done = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; time taskset -c 0 "$0" check --json - < "$1" > /dev/null', wary, inputPath], { encoding: 'utf8' });
  seconds.push((performance.now() - start) / 1000);
  if (done.status !== 0) throw new Error(`wary check exited ${done.status ?? done.signal}: ${done.stderr}`);
  const [user, system] = done.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  cpuSeconds.push(user + system);
}
const hostsPerSecond = count / median(seconds);
const hostsPerCpuSecond = count / median(cpuSeconds);
console.log(`CLI, one core: ${Math.round(hostsPerSecond).toLocaleString('en')} hosts/s wall (${count.toLocaleString('en')} hosts in ${seconds.map((s) => s.toFixed(2)).join(', ')} s), `
  + `${Math.round(hostsPerCpuSecond).toLocaleString('en')} hosts per CPU second (${cpuSeconds.map((s) => s.toFixed(2)).join(', ')} s); medians`);
await record('cli', { hosts: count, seconds, cpuSeconds, hostsPerSecond, hostsPerCpuSecond });
