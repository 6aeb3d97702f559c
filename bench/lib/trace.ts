/**
 * Chromium performance traces over CDP, and what the browser bench reads from them: the main-thread
 * time spent in one script origin (the content script), task by task.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event: its duration minus the time the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[]; frame?: string } & Record<string, unknown> } & Record<string, unknown>;
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];

/** Records a trace around `during` in the session's browser. */
export async function traceDuring(session: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    await session.send('Tracing.end');
    // A renderer that hangs never hands its part of the trace over: the run fails instead of the bench waiting.
    await Promise.race([complete, new Promise((_, reject) => setTimeout(() => reject(new Error('the trace did not complete within 60 s')), 60_000).unref())]);
  }
  return events;
}

/** The script URL an event ran, when the trace names one. */
function scriptUrl(e: TraceEvent): string | undefined {
  const data = e.args?.data;
  return data?.url || data?.scriptName || data?.stackTrace?.[0]?.url || undefined;
}

const ms = (us: number) => Math.round(us / 10) / 100;

export interface OriginTime {
  /**
   * Main-thread time in scripts of the origin: outermost slices only, nested ones are not counted
   * twice, and the origin's share of the microtask runs (see ownShare).
   */
  totalMs: number;
  /**
   * The same slices' thread CPU time: the work itself. On a machine with fewer cores than busy
   * threads, the wall time also holds the time the page's thread waited for a core while the
   * extension's background classified the same comments, the browser stored them, or anything else ran.
   * Where the trace gives no thread time for a slice, its wall time counts: never less than the work.
   */
  cpuMs: number;
  /** The part of both that ran in microtasks (promise continuations: what follows an await, answers from the background). */
  microtaskMs: number;
  microtaskCpuMs: number;
  /** Number of top-level tasks that ran some of the origin's script. */
  tasks: number;
  /** The task with the most of the origin's script: that script time and the whole task's length. */
  longestScriptMs: number;
  longestTaskMs: number;
  /** The origin's script in each task, longest first (top five). */
  topTasksMs: number[];
  /** What ran in the task with the most of the origin's script: event, callback name and milliseconds. */
  longest: string[];
  /** Which trace events carried the time (FunctionCall, EvaluateScript, RunMicrotasks...). */
  byEvent: Record<string, number>;
}

/** Blink's script entry points: every run of script on a thread is inside one of these. */
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'RunMicrotasks']);

/**
 * A thread's profiler samples: when each was taken, how long it stands for (until the next one), and
 * the innermost function of the origin on its stack ('' when none is).
 */
type Samples = { ts: Float64Array; dt: Float64Array; fn: string[] };

type ProfileNode = { id: number; parent?: number; callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number } };
type ProfileChunkData = { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
const profileId = (e: TraceEvent) => `${e.pid}:${(e as unknown as { id: string }).id}`;

/** Appends `value` to the list of `key` (pushed: a trace holds tens of thousands of events a thread). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The V8 profiler's samples in the trace, by `pid:tid`. */
function samplesBy(events: TraceEvent[], prefix: string): Map<string, Samples> {
  const chunksOf = new Map<string, TraceEvent[]>();
  for (const e of events) if (e.name === 'ProfileChunk') pushTo(chunksOf, profileId(e), e);
  const out = new Map<string, Samples>();
  for (const profile of events) {
    if (profile.name !== 'Profile') continue;
    const nodes = new Map<number, ProfileNode>();
    const names = new Map<number, string>();
    const ownFn = (id: number): string => {
      let name = names.get(id);
      if (name === undefined) {
        const n = nodes.get(id);
        const { functionName, url = '', lineNumber = 0, columnNumber = 0 } = n?.callFrame ?? {};
        if (!n) name = '';
        else if (url.startsWith(prefix)) name = `${functionName || '(anonymous)'} ${url.slice(prefix.length)}:${lineNumber + 1}:${columnNumber + 1}`;
        else name = n.parent === undefined ? '' : ownFn(n.parent);
        names.set(id, name);
      }
      return name;
    };
    const ts: number[] = [];
    const dt: number[] = [];
    const fn: string[] = [];
    let t = (profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts;
    for (const chunk of (chunksOf.get(profileId(profile)) ?? []).sort((x, y) => x.ts - y.ts)) {
      const data = chunk.args?.data as ProfileChunkData | undefined;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const deltas = data?.timeDeltas ?? [];
      (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
        t += deltas[i] ?? 0;
        ts.push(t);
        dt.push(deltas[i + 1] ?? deltas[i] ?? 0);
        fn.push(ownFn(id));
      });
    }
    out.set(`${profile.pid}:${profile.tid}`, { ts: Float64Array.from(ts), dt: Float64Array.from(dt), fn });
  }
  return out;
}

/**
 * How much of a slice is the origin's: all of it when it runs the origin's script; for a microtask
 * run, which names no script (the continuations of every world's promises run in one: in a content
 * script, all that follows an await, the background's answers among them), the share of the
 * profiler's samples in it that have a function of the origin on their stack. A run too short to be
 * sampled counts for nothing, and so do all of them in a trace without the profiler.
 */
function ownShare(e: TraceEvent, prefix: string, samples: Samples | undefined): number {
  if (e.name !== 'RunMicrotasks') return scriptUrl(e)?.startsWith(prefix) ? 1 : 0;
  if (!samples) return 0;
  let lo = 0;
  let hi = samples.ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples.ts[mid]! < e.ts) lo = mid + 1;
    else hi = mid;
  }
  let all = 0;
  let own = 0;
  for (let i = lo; i < samples.ts.length && samples.ts[i]! <= e.ts + e.dur!; i++) {
    all++;
    if (samples.fn[i]) own++;
  }
  return all ? own / all : 0;
}

type Slice = { e: TraceEvent; share: number };

/** The outermost script slices of the threads `keep` accepts, each with the origin's share of it. */
function scriptSlices(events: TraceEvent[], prefix: string, keep: (e: TraceEvent) => boolean): Slice[] {
  const samples = samplesBy(events, prefix);
  const candidates = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && SCRIPT.has(e.name) && keep(e)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: Slice[] = [];
  const openBy = new Map<string, TraceEvent>();
  for (const e of candidates) {
    const thread = `${e.pid}:${e.tid}`;
    const open = openBy.get(thread);
    if (open && e.ts < open.ts + open.dur!) continue;
    openBy.set(thread, e);
    out.push({ e, share: ownShare(e, prefix, samples.get(thread)) });
  }
  return out;
}

/** Main-thread time of the scripts whose URL starts with `prefix`, grouped into the renderer's top-level tasks. */
export function timeInOrigin(events: TraceEvent[], prefix: string): OriginTime {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  // The threads where the origin's script ran: its microtask runs are looked for there only.
  const threads = new Set(complete.filter((e) => scriptUrl(e)?.startsWith(prefix)).map((e) => `${e.pid}:${e.tid}`));
  const slices = scriptSlices(events, prefix, (e) => threads.has(`${e.pid}:${e.tid}`)).filter((s) => s.share > 0);
  const tasksBy = new Map<string, TraceEvent[]>();
  for (const t of complete) {
    if (t.name !== 'RunTask' && t.name !== 'ThreadControllerImpl::RunTask') continue;
    pushTo(tasksBy, `${t.pid}:${t.tid}`, t);
  }
  for (const list of tasksBy.values()) list.sort((a, b) => a.ts - b.ts);
  const perTask = new Map<TraceEvent | TraceEvent['ts'], { script: number; task: number; slices: Slice[] }>();
  const byEvent: Record<string, number> = {};
  const sum = { wall: 0, cpu: 0, microWall: 0, microCpu: 0 };
  for (const slice of slices) {
    const { e, share } = slice;
    const wall = e.dur! * share;
    const cpu = (e.tdur ?? e.dur!) * share;
    sum.wall += wall;
    sum.cpu += cpu;
    if (e.name === 'RunMicrotasks') {
      sum.microWall += wall;
      sum.microCpu += cpu;
    }
    byEvent[e.name] = (byEvent[e.name] ?? 0) + wall;
    const task = enclosing(tasksBy.get(`${e.pid}:${e.tid}`) ?? [], e);
    const key = task ?? e.ts;
    const entry = perTask.get(key) ?? { script: 0, task: task?.dur ?? e.dur!, slices: [] };
    entry.script += wall;
    entry.slices.push(slice);
    perTask.set(key, entry);
  }
  const ranked = [...perTask.values()].sort((a, b) => b.script - a.script);
  const longestTask = Math.max(0, ...ranked.map((t) => t.task));
  return {
    totalMs: ms(sum.wall),
    cpuMs: ms(sum.cpu),
    microtaskMs: ms(sum.microWall),
    microtaskCpuMs: ms(sum.microCpu),
    tasks: perTask.size,
    longestScriptMs: ms(ranked[0]?.script ?? 0),
    longestTaskMs: ms(longestTask),
    topTasksMs: ranked.slice(0, 5).map((t) => ms(t.script)),
    longest: (ranked[0]?.slices ?? []).map(({ e, share }) => `${e.name} ${String(e.args?.data?.functionName ?? '')} ${ms(e.dur! * share)}`.replace(/\s+/g, ' ')),
    byEvent: Object.fromEntries(Object.entries(byEvent).map(([k, v]) => [k, ms(v)])),
  };
}

export interface PageScript {
  /** Thread CPU time of the script on the main thread of the page at `url`, every world's: outermost slices. */
  cpuMs: number;
  /** The origin's part of it (the content script), microtask runs shared out by their samples. */
  originCpuMs: number;
}

/**
 * The script run on the main thread of the page loaded at `url`, and the share of one origin in it,
 * from the same trace: a ratio that another run's speed cannot move.
 */
export function pageScript(events: TraceEvent[], url: string, prefix: string): PageScript {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const frames = (started?.args?.data?.frames ?? []) as { url?: string; processId?: number }[];
  const pid = frames.find((f) => f.url === url)?.processId;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error(`no renderer main thread for ${url} in the trace`);
  let cpu = 0;
  let origin = 0;
  for (const { e, share } of scriptSlices(events, prefix, (e) => e.pid === main.pid && e.tid === main.tid)) {
    const t = e.tdur ?? e.dur!;
    cpu += t;
    origin += t * share;
  }
  return { cpuMs: ms(cpu), originCpuMs: ms(origin) };
}

/** The outermost task of a thread (sorted by start) that contains `e`. */
function enclosing(tasks: TraceEvent[], e: TraceEvent): TraceEvent | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tasks[mid]!.ts <= e.ts) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Nested RunTask events (a nested run loop) start later than their parent: walk back to the outermost.
  let best: TraceEvent | undefined;
  for (let i = found; i >= 0 && i > found - 50; i--) {
    const t = tasks[i]!;
    if (t.ts + t.dur! >= e.ts + e.dur!) best = t;
  }
  return best;
}

/** Chromium's per-page counters (Performance.getMetrics), in milliseconds where they are durations. */
export async function pageMetrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await session.send('Performance.getMetrics');
  const out: Record<string, number> = {};
  for (const { name, value } of metrics) out[name] = name.endsWith('Duration') ? value * 1000 : value;
  return out;
}

/** The change in the duration counters between two readings, in milliseconds. */
export function metricsDelta(before: Record<string, number>, after: Record<string, number>) {
  const d = (k: string) => Math.round(((after[k] ?? 0) - (before[k] ?? 0)) * 100) / 100;
  return { scriptMs: d('ScriptDuration'), taskMs: d('TaskDuration'), layoutMs: d('LayoutDuration'), styleMs: d('RecalcStyleDuration') };
}

/**
 * Where the origin's time went, from the V8 sampling profiler recorded in the same trace: each
 * sample is charged to the innermost function of the origin on its stack (so the DOM calls and
 * garbage collection it caused count as its own), top `limit` functions by time.
 */
export function hotFunctions(events: TraceEvent[], prefix: string, limit = 8): { fn: string; ms: number }[] {
  const charged = new Map<string, number>();
  for (const { dt, fn } of samplesBy(events, prefix).values()) {
    fn.forEach((name, i) => {
      if (name) charged.set(name, (charged.get(name) ?? 0) + dt[i]!);
    });
  }
  return [...charged.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, us]) => ({ fn, ms: ms(us) }));
}
