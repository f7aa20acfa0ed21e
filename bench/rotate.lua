-- wrk: each connection's requests rotate over the three feeds of bench/feed-serving.sh. With ETAGS set
-- (space-separated, one per path, in order) every request carries the path's If-None-Match: a poll answered 304.
local paths = {"/feeds/world.rss", "/feeds/europe.atom", "/feeds/science.json"}
local etags = {}
for tag in string.gmatch(os.getenv("ETAGS") or "", "%S+") do table.insert(etags, tag) end
local gzip = os.getenv("GZIP") == "1"
local n = 0
request = function()
  n = n % #paths + 1
  local headers = {}
  if gzip then headers["Accept-Encoding"] = "gzip" end
  if etags[n] then headers["If-None-Match"] = etags[n] end
  return wrk.format("GET", paths[n], headers)
end
