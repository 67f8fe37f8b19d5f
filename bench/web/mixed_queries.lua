-- wrk script: /api/search with a rotating mix of queries (phrases, fields, filters, facets,
-- sorting, paging, a miss). Counts non-200 answers; prints throughput and latency percentiles.
local paths = {
  "/api/search?q=%22hedge+accounting%22",
  "/api/search?q=revenue+recognition&facets=1",
  "/api/search?q=goodwill+impairment&form=upload",
  "/api/search?q=%22loans+held+for+sale%22&sort=newest",
  "/api/search?q=segment&kind=comment&limit=20",
  "/api/search?q=derivative*&since=2005&until=2020",
  "/api/search?q=non-gaap&collapse=thread",
  "/api/search?q=fair+value&offset=10",
  "/api/search?q=standard:%22SFAS+133%22",
  "/api/search?q=xyzzy+nothing+matches",
  "/api/search?q=revenue&company=apple",
  "/api/search?q=tax&facets=1&sort=date",
}
local counter = 0
local non200 = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d non2xx=%d\n",
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status))
end
