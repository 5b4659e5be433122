-- POST /api/cases with a key of scope cases:intake and a fresh Idempotency-Key per request.
dofile("bench/wrk/common.lua")
dofile("bench/wrk/phrases.lua")

local key = os.getenv("BENCH_API_KEY")

function request()
   local i = math.random(#problems)
   local body = string.format(
      '{"callerName":"市民%d","phone":"139%08d","confidential":false,"address":"%s%d号",' ..
      '"district":"%s","category":"%s","urgent":false,"description":"%s（压测）"}',
      math.random(9999), math.random(99999999), pick(places), math.random(200), pick(districts), categories[i],
      problems[i])
   return wrk.format("POST", "/api/cases", {
      ["Authorization"] = "Bearer " .. key,
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = next_key(),
   }, body)
end

function response(status, headers, body)
   expect(status, 201)
end
