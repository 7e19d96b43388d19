// Idle: frames painted and main-thread time while nothing moves, 3 s after a moment of rest.

/// `{framesPerSecond, cpuShare}` of one page at 1280×720 with the Shandong set.
export async function idle(open, name) {
  const o = await open({ width: 1280, height: 720 }, "shandong");
  const cdp = await o.context.newCDPSession(o.page);
  await cdp.send("Performance.enable");
  await o.page.waitForTimeout(500);
  const metric = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const frames = () => (name === "ours" ? o.page.evaluate(() => window.fmd.framesDrawn()) : 0);
  const f0 = await frames();
  const m0 = await metric();
  await o.page.waitForTimeout(3000);
  const m1 = await metric();
  const f1 = await frames();
  await o.context.close();
  return {
    framesPerSecond: name === "ours" ? (f1 - f0) / 3 : null,
    cpuShare: (m1.TaskDuration - m0.TaskDuration) / (m1.Timestamp - m0.Timestamp),
  };
}
