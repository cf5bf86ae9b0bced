// Preloaded (`node --require`) into each competitor's process: on exit, prints the process's
// peak resident set size (getrusage ru_maxrss, in KiB) and CPU time to stderr, where the bench
// parses it. Counts the whole process (worker threads included), not its children.
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\n@@bench-rusage maxrss_kb=${u.maxRSS} user_us=${u.userCPUTime} sys_us=${u.systemCPUTime}\n`);
});
