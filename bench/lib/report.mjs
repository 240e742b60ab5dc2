// Prints one figure beside its floor, and whether it is within it.
export function report(name, value, unit, floor, lowerIsBetter = true) {
  const within = lowerIsBetter ? value <= floor : value >= floor;
  const sign = lowerIsBetter ? '≤' : '≥';
  console.log(`${name.padEnd(48)} ${String(value).padStart(10)} ${unit.padEnd(6)} floor ${sign} ${floor} ${unit}  ${within ? 'ok' : 'OVER'}`);
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
