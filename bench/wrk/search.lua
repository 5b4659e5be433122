-- GET the search page (BENCH_PATH) with a query from the words the generated cases and documents use, as signed-in
-- office staff (BENCH_COOKIES, separated by "|"). Anything but 200 counts as an error.
dofile("bench/wrk/common.lua")

local path = os.getenv("BENCH_PATH")
local cookies = {}
for c in string.gmatch(os.getenv("BENCH_COOKIES") or "", "[^|]+") do
   table.insert(cookies, c)
end
local words = { "噪音", "占道经营", "污水", "墙体裂缝", "物业", "公积金", "防汛", "安全生产", "老旧小区改造",
   "消防安全", "营商环境", "扰民" }
local n = 0

local function encode(s)
   return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
   n = n + 1
   local cookie = cookies[((n + thread_id * 7) % #cookies) + 1]
   local q = words[((n + thread_id) % #words) + 1]
   return wrk.format("GET", path .. "?q=" .. encode(q), { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end

function response(status, headers, body)
   expect(status, 200)
end
