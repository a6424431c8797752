-- POST /v1/chat/completions with "stream": true (server-sent events). See common.lua.
local script_dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(script_dir .. "common.lua")
configure_chat_request(true)
