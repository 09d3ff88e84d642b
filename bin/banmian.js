#!/usr/bin/env node
// Entry point of the `banmian` command: runs the compiled CLI (npm run build writes dist/).
import('../dist/commands/cli.js')
  .then((m) => m.main(process.argv))
  .catch((err) => {
    process.stderr.write(`banmian: cannot start (${err?.message ? err.message : err}); run \`npm run build\` first\n`);
    process.exit(2);
  });
