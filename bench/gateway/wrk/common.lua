-- Shared by chat-plain.lua and chat-stream.lua: one POST /v1/chat/completions per request with a
-- ~1 KB body shaped like real chat traffic, and a done() that prints the run as one JSON line so
-- run.ts never has to parse wrk's human-readable summary.
--
-- Environment (set by run.ts):
--   BENCH_AUTHORIZATION  full Authorization header value, e.g. "Bearer sk-..."
-- Extra headers (Portkey's routing headers) come from wrk's own -H flags, which wrk has already
-- put in wrk.headers before this script runs; this script only adds to that table.

local function chat_body(stream)
  local system_prompt = "You are a meticulous assistant for a logistics company. Answer in plain English, "
    .. "cite the policy section you rely on, and say so when the policy does not cover the question. "
    .. "Never invent tracking numbers, prices or delivery dates. Keep answers under 150 words unless "
    .. "the user asks for detail, and use a short bulleted list when comparing options."
  local user_prompt = "A customer in Lyon shipped two pallets (480 kg total) to Rotterdam on Monday with the "
    .. "standard road service. The tracking page has shown 'held at hub' since Wednesday evening and the "
    .. "customer is asking whether they can switch to express for the remaining leg, what it would cost "
    .. "under the current tariff, and whether the original delivery guarantee still applies. Draft a reply "
    .. "that explains the options and what information we still need from them."
  local stream_fields = ""
  if stream then
    stream_fields = ',"stream_options":{"include_usage":true}'
  end
  return '{"model":"gpt-4o-mini","temperature":0.2,"max_tokens":256,"user":"bench-user-0001",'
    .. '"stream":' .. tostring(stream) .. stream_fields .. ','
    .. '"messages":[{"role":"system","content":"' .. system_prompt .. '"},'
    .. '{"role":"user","content":"' .. user_prompt .. '"}]}'
end

function configure_chat_request(stream)
  wrk.method = "POST"
  wrk.path = "/v1/chat/completions"
  wrk.body = chat_body(stream)
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = stream and "text/event-stream" or "application/json"
  local authorization = os.getenv("BENCH_AUTHORIZATION")
  if authorization ~= nil and authorization ~= "" then
    wrk.headers["Authorization"] = authorization
  end
end

-- errors.status counts responses with status > 399; wrk tallies it without a response() callback,
-- which would otherwise make wrk parse every response in Lua and slow the client down.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationUs":%d,"bytes":%d,'
      .. '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout))
end
