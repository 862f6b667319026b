// In `npm test`: the unit tests and the production build the browser tests need, side by side.
// The unit run waits on Astro and ffmpeg for much of its time, so the build fits beside it
// (about 10 s less on two cores). The unit tests print as they run; the build's output follows
// them, and either failing fails the step, named.
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

const [unit, build] = await Promise.all([run('test:unit', true), run('build', false)]);
process.stdout.write(`\n> npm run build (beside the unit tests)\n${build.output}`);
const failed = [unit.code !== 0 && 'the unit tests', build.code !== 0 && 'the build'].filter(Boolean);
if (failed.length) console.error(`\nunit-and-build: ${failed.join(' and ')} failed`);
process.exit(failed.length ? 1 : 0);
