-- POST /v1/chat/completions with "stream": false. See common.lua.
local script_dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(script_dir .. "common.lua")
configure_chat_request(false)
