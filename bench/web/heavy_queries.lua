-- wrk script: the most expensive searches found on a gen-corpus index (bench/web/README.md):
-- 18 one-letter wildcards ORed (each expands to hundreds of words), with facets, sorted and
-- collapsed, and paged deep; a big OR of common words; phrases and NEAR of common words.
-- Prints a HEAVY line: replies/s, answered searches (200) per second, mean and p99 latency,
-- non-2xx replies (the search lane's 503s; wrk counts them in the main Lua state only as a
-- total, per-thread counters would not reach done()) and socket errors.
local w = "a*+OR+b*+OR+c*+OR+d*+OR+e*+OR+f*+OR+g*+OR+h*+OR+i*+OR+j*+OR+k*+OR+l*+OR+m*+OR+n*+OR+o*+OR+p*+OR+r*+OR+s*"
local paths = {
  "/api/search?q=" .. w .. "&facets=1",
  "/api/search?q=" .. w .. "&facets=1&sort=date&collapse=thread",
  "/api/search?q=" .. w .. "&offset=90",
  "/api/search?q=the+OR+and+OR+of+OR+to+OR+in+OR+we+OR+you+OR+your+OR+please+OR+company+OR+disclosure+OR+note&facets=1",
  "/api/search?q=%22please+tell+us+how+you%22&facets=1",
  "/api/search?q=please+NEAR+the+NEAR+you&facets=1",
}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "HEAVY requests=%d per_s=%.2f ok_per_s=%.2f mean_ms=%.0f p99_ms=%.0f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / secs, (summary.requests - e.status) / secs,
    latency.mean / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
