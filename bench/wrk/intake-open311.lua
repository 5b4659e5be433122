-- POST /open311/v2/requests.json, form-encoded, api_key as a parameter, a fresh Idempotency-Key per request.
dofile("bench/wrk/common.lua")
dofile("bench/wrk/phrases.lua")

local key = os.getenv("BENCH_API_KEY")

local function encode(s)
   return (string.gsub(s, "[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
   local i = math.random(#problems)
   local body = "api_key=" .. encode(key) .. "&service_code=" .. categories[i] ..
      "&address_string=" .. encode(pick(places) .. math.random(200) .. "号") ..
      "&description=" .. encode(problems[i] .. "（压测）") .. "&first_name=" .. encode("市民")
   return wrk.format("POST", "/open311/v2/requests.json", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Idempotency-Key"] = next_key(),
   }, body)
end

function response(status, headers, body)
   expect(status, 200)
end
