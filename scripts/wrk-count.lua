-- wrk script: counts responses that are not 2xx (wrk's own summary counts only >= 400) and prints one
-- line of totals: requests, non-2xx, and socket errors by kind.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    non2xx = 0
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
    end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do
        bad = bad + thread:get("non2xx")
    end
    local e = summary.errors
    io.write(string.format("wrk-count: requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
        summary.requests, bad, e.connect, e.read, e.write, e.timeout))
end
