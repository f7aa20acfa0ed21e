-- wrk: every request a User-Agent never sent before (thread id and request number in it), an X-Forwarded-For out of
-- FORWARDED addresses (default 10000), and every 50th a "Feedly" that announces 999999999999 subscribers. Each
-- thread stops after LIMIT requests (default 200000), so the flood is bounded in count as well as in time.
local threads = {}
local limit = tonumber(os.getenv("LIMIT") or "200000")
local forwarded = tonumber(os.getenv("FORWARDED") or "10000")
local paths = {"/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json"}
local etags = {} -- ETAGS: one per path, in order (bench/stats-flood.sh reads them): every poll is answered 304
for tag in string.gmatch(os.getenv("ETAGS") or "", "%S+") do table.insert(etags, tag) end

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local n = 0

request = function()
  n = n + 1
  local ua
  if n % 50 == 0 then
    ua = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 999999999999 subscribers; )"
  else
    ua = string.format("Flood%d-%d/1.0 (+https://example.invalid/%d; 999999999999 subscribers)", id, n, n)
  end
  local address = (id * 7919 + n) % forwarded
  local headers = {
    ["User-Agent"] = ua,
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(address / 65536), math.floor(address / 256) % 256, address % 256),
  }
  local i = n % #paths + 1
  headers["Accept-Encoding"] = "gzip"
  if etags[i] then headers["If-None-Match"] = etags[i] end
  return wrk.format("GET", paths[i], headers)
end

response = function()
  if n >= limit then
    wrk.thread:stop()
  end
end
