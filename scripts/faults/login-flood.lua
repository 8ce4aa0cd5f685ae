-- wrk script of scripts/fault-requests.sh: a flood of sign-ins. Each request is a POST /login with the session and CSRF
-- token of one of the prepared anonymous login pages (login-pairs: "cookie<TAB>token" per line), round robin, as an
-- attacker's script that fetched the login page would send it: 80 % unknown user names (each costs a dummy BCrypt hash),
-- 15 % real demo users with a wrong password (they lock after 5), 5 % a real user with the right password. delay() paces
-- each connection (FLOOD_DELAY_MS, default 100): -c100 offers at most 1,000 requests per second.
local pairs_file = os.getenv("FLOOD_PAIRS")
local delay_ms = tonumber(os.getenv("FLOOD_DELAY_MS") or "100")
local users = { "filer-dzzw", "filer-xxzx", "filer-jining", "leader-001239", "reviewer-jining", "auditor", "admin" }
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  cookies, tokens = {}, {}
  for line in io.lines(pairs_file) do
    local c, t = line:match("([^\t]*)\t(.*)")
    table.insert(cookies, c)
    table.insert(tokens, t)
  end
  n = id * 7919
  statuses = {}
  math.randomseed(id * 104729 + os.time())
end

local function enc(s)
  return (s:gsub("[^%w%-_%.~]", function(ch) return string.format("%%%02X", string.byte(ch)) end))
end

function request()
  n = n + 1
  local i = (n % #cookies) + 1
  local r = math.random(100)
  local user, password
  if r <= 80 then
    user, password = "nobody-" .. math.random(1000000), "Wrong@" .. math.random(1000000)
  elseif r <= 95 then
    user, password = users[math.random(#users)], "Wrong@" .. math.random(1000000)
  else
    user, password = "filer-jining", "Demo@2026"
  end
  local body = "username=" .. enc(user) .. "&password=" .. enc(password) .. "&_csrf=" .. enc(tokens[i])
  return wrk.format("POST", "/login", { ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookies[i] }, body)
end

function delay()
  return delay_ms
end

function response(status, headers, body)
  local key = tostring(status)
  if status == 302 then
    local loc = headers["Location"] or ""
    if loc:find("error") then key = "302 to /login?error" else key = "302 signed in" end
  end
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for k, v in pairs(s) do total[k] = (total[k] or 0) + v end
  end
  io.write("flood answers:")
  for k, v in pairs(total) do io.write(string.format(" [%s] %d", k, v)) end
  io.write("\n")
end
