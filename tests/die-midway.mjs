/**
 * Preloaded into a build (`node --import`) by tests/delivery.test.ts: the process kills itself with SIGKILL right
 * after its second file lands in the staging folder, so "killed midway" happens at the same point on any machine,
 * however loaded, instead of racing a poll against the build.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const write = fs.writeFileSync;
let staged = 0;
fs.writeFileSync = function writeThenMaybeDie(file, ...rest) {
  write.call(fs, file, ...rest);
  if (typeof file === 'string' && /[\\/]\.[^\\/]*\.staging-\d+[\\/]/.test(file) && ++staged === 2)
    process.kill(process.pid, 'SIGKILL');
};
syncBuiltinESMExports();
