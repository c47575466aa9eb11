/** Times the phases of a bulk load: `phase(name)` ends the phase that ran since the previous call and logs it. */
export function phaseTimer(log: (line: string) => void) {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  return {
    phases,
    phase(name: string) {
      const now = performance.now();
      phases[name] = Math.round(now - mark) / 1000;
      mark = now;
      log(`${name}: ${phases[name]!.toFixed(1)} s`);
    },
    /** Seconds since the timer started. */
    seconds: () => Math.round(performance.now() - started) / 1000,
  };
}
