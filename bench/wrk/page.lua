-- GET one list page (BENCH_PATH) with the session cookies of signed-in office staff (BENCH_COOKIES, separated
-- by "|"), a different session on each request in turn. Anything but 200 counts as an error.
dofile("bench/wrk/common.lua")

local path = os.getenv("BENCH_PATH")
local cookies = {}
for c in string.gmatch(os.getenv("BENCH_COOKIES") or "", "[^|]+") do
   table.insert(cookies, c)
end
local n = 0

function request()
   n = n + 1
   local cookie = cookies[((n + thread_id * 7) % #cookies) + 1]
   return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end

function response(status, headers, body)
   expect(status, 200)
end
