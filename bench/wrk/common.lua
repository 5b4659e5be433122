-- Shared by the wrk scripts of bench/run: per-thread counters, and one JSON file and one CSV row per run.
-- The scenario's name and the output files come from the environment (BENCH_NAME, BENCH_RUN, BENCH_OUT).

local threads = {}
local counter = 0
unexpected = 0 -- global: read by done() through thread:get
thread_id = 0

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   thread_id = tid
end

-- Unique per request across all threads and runs: run, thread, counter.
function next_key()
   counter = counter + 1
   return string.format("bench-%s-%s-%d-%d", os.getenv("BENCH_NAME") or "x", os.getenv("BENCH_RUN") or "0",
      thread_id, counter)
end

-- wrk counts only 4xx/5xx as errors; a page that answers with a redirect (to /signin) is one too.
function expect(status, wanted)
   if status ~= wanted then
      unexpected = unexpected + 1
   end
end

function count_unexpected()
   local total = 0
   for _, t in ipairs(threads) do
      total = total + (t:get("unexpected") or 0)
   end
   return total
end

function done(summary, latency, requests)
   local name = os.getenv("BENCH_NAME") or "unnamed"
   local run = os.getenv("BENCH_RUN") or "1"
   local out = os.getenv("BENCH_OUT") or "target/bench"
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local unexpected_total = count_unexpected()
   local errors = e.connect + e.read + e.write + e.status + e.timeout
   if unexpected_total > errors then
      errors = unexpected_total
   end
   local p = function(q) return latency:percentile(q) / 1000.0 end
   local rps = summary.requests / seconds
   local json = string.format(
      '{"scenario":"%s","run":%s,"requests":%d,"seconds":%.3f,"throughput":%.2f,' ..
      '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p95":%.3f,"p99":%.3f,"max":%.3f},' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"unexpected_status":%d}}\n',
      name, run, summary.requests, seconds, rps, latency.mean / 1000.0, p(50), p(90), p(95), p(99),
      latency.max / 1000.0, e.connect, e.read, e.write, e.status, e.timeout, unexpected_total)
   local f = assert(io.open(out .. "/raw/" .. name .. "-run" .. run .. ".json", "w"))
   f:write(json)
   f:close()
   local csv = assert(io.open(os.getenv("BENCH_CSV") or (out .. "/results.csv"), "a"))
   csv:write(string.format("%s,%s,%d,%.3f,%.2f,%.3f,%.3f,%.3f,%d\n", name, run, summary.requests, seconds, rps,
      p(50), p(95), p(99), errors))
   csv:close()
   io.write(json)
end
