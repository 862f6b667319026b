// In `npm test`: the unit tests, and beside them the type check (`astro check`, over the .astro
// and .ts files) followed by the production build the browser tests need. The unit run waits on
// Astro and ffmpeg for much of its time, so the check and the build fit beside it on two cores.
// The check runs before the build, not beside it: both write Astro's content store. The unit
// tests print as they run; the check's and the build's output follow them, and any step failing
// fails the whole, named.
import { spawn } from 'node:child_process';

/** Runs an npm script; resolves with its exit code and, unless `show`, what it printed. */
function run(script, show) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: show ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The type check, then the build unless the check failed. */
async function checkThenBuild() {
  const check = await run('check', false);
  return { check, build: check.code === 0 ? await run('build', false) : null };
}

const [unit, { check, build }] = await Promise.all([run('test:unit', true), checkThenBuild()]);
process.stdout.write(`\n> npm run check (beside the unit tests)\n${check.output}`);
if (build) process.stdout.write(`\n> npm run build (beside the unit tests, after the check)\n${build.output}`);
const failed = [
  unit.code !== 0 && 'the unit tests',
  check.code !== 0 && 'the type check (so the build did not run)',
  build && build.code !== 0 && 'the build',
].filter(Boolean);
if (failed.length) console.error(`\ncheck-unit-and-build: ${failed.join(' and ')} failed`);
process.exit(failed.length ? 1 : 0);
