// Runs before `npm start` and `npm test`: installs dependencies from the lock file on a fresh clone
// (or when the lock file changed since the last install), so each is a single command.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const isStale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (isStale) {
  console.error('Installing dependencies from package-lock.json …');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
