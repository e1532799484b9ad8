// Preloaded into the CLI process by the benchmark (`node --require`): reports peak memory at exit on stderr.
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
