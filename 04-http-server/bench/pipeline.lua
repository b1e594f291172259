-- wrk script: every write sends DEPTH requests back to back (HTTP/1.1 pipelining) for
-- the URL's path; wrk counts each response it parses as one request.
--   wrk -t2 -c64 -d10s -s pipeline.lua http://127.0.0.1:8080/index.html
-- DEPTH comes from the environment variable PIPELINE_DEPTH (default 16).

local depth = tonumber(os.getenv("PIPELINE_DEPTH") or "16")
local batch

init = function(args)
   local requests = {}
   for i = 1, depth do
      requests[i] = wrk.format("GET", wrk.path)
   end
   batch = table.concat(requests)
end

request = function()
   return batch
end
