#!/usr/bin/env python3
# Compares the responses of two servers, byte for byte (status, body, ETag): lists, aggregates, exports, and every
# article, entity, event and speaker page that the lists name (about 1,000 to 1,400 URLs).
#
#   scripts/compare-responses.py BIN_A BIN_B DATA [hup]
#
# Both serve DATA with the response cache off (ports 18401, 18402). With `hup`, B starts on a copy of DATA with
# every seventh .txt file hidden, gets them back, and is reloaded by SIGHUP before the comparison: a reload must
# answer what a fresh start on the same files answers. Prints each differing URL and a count; exits 1 if any.
import json, os, shutil, signal, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

if len(sys.argv) < 4:
    raise SystemExit('usage: compare-responses.py BIN_A BIN_B DATA [hup]')
a, b, data = sys.argv[1:4]
hup = len(sys.argv) > 4
def start(binary, port, datadir):
    env = dict(os.environ, NEWSDESK_LEXICON=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'config'), NEWSDESK_RESPONSE_CACHE_ENTRIES='0')
    p = subprocess.Popen([binary, 'serve', '--port', str(port), '--data', datadir], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(3000):
        try:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/healthz', timeout=1); return p
        except Exception: time.sleep(0.1)
    raise SystemExit('no start')
def get(port, path):
    try:
        r = urllib.request.urlopen(f'http://127.0.0.1:{port}{path}', timeout=30); return r.status, r.read(), r.headers.get('ETag')
    except urllib.error.HTTPError as e: return e.code, e.read(), None
def urls(port):
    u = ['/stats', '/articles', '/articles?limit=500', '/quotes?limit=500', '/speakers?limit=500', '/entities?limit=500',
         '/entities?sort=name&limit=500', '/casualties?limit=500', '/casualties/summary', '/casualties/summary?by=event',
         '/events?limit=500', '/events?sort=killed', '/events?format=csv', '/quotes?format=ndjson', '/articles?format=ndjson',
         '/entities?type=location&limit=100', '/entities?q=ba', '/speakers?q=a']
    arts = json.loads(get(port, '/articles?limit=500')[1])['data']
    for x in arts[:150]: u += [f"/articles/{x['id']}", f"/articles/{x['id']}/entities", f"/articles/{x['date']}"]
    ents = json.loads(get(port, '/entities?limit=300')[1])['data']
    for x in ents[:300]: u += [f"/entities/{x['id']}", f"/articles?entity={x['id']}&limit=100"]
    evs = json.loads(get(port, '/events?limit=200')[1])['data']
    for x in evs: u.append(f"/events/{x['id']}")
    sp = json.loads(get(port, '/speakers?limit=100')[1])['data']
    for x in sp: u.append('/quotes?speaker=' + urllib.parse.quote(x['name']))
    return u
pa = start(a, 18401, data)
if hup:
    # B serves DATA minus one file, then gets it back through a SIGHUP
    scratch = tempfile.mkdtemp(); tmp = os.path.join(scratch, 'data'); shutil.copytree(data, tmp)
    files = sorted(os.path.join(r, f) for r, _, fs in os.walk(tmp) for f in fs if f.endswith('.txt'))
    moved = files[::7]
    for f in moved: os.rename(f, f + '.hidden')
    pb = start(b, 18402, tmp)
    before = json.loads(get(18402, '/stats')[1])['data']['articles']
    for f in moved: os.rename(f + '.hidden', f)
    pb.send_signal(signal.SIGHUP)
    for _ in range(600):
        if json.loads(get(18402, '/stats')[1])['data']['articles'] != before: break
        time.sleep(0.1)
    print('hup', before, '->', json.loads(get(18402, '/stats')[1])['data']['articles'])
else:
    pb = start(b, 18402, data)
us = urls(18401)
diff = 0
for u in us:
    sa, ba, ea = get(18401, u); sb, bb, eb = get(18402, u)
    if u == '/stats':
        ja = json.loads(ba)['data']; jb = json.loads(bb)['data']
        for k in ('loadedAt', 'loadSeconds', 'clusteringSeconds', 'directory'): ja.pop(k, None); jb.pop(k, None)
        if ja != jb: diff += 1; print('DIFF', u, {k: (ja.get(k), jb.get(k)) for k in ja if ja.get(k) != jb.get(k)})
        continue
    if sa != sb or ba != bb or ea != eb:
        diff += 1; print('DIFF', u, sa, sb, len(ba), len(bb), ea, eb)
print(f'{len(us)} urls, {diff} differ')
pa.terminate(); pb.terminate()
if hup: shutil.rmtree(scratch, ignore_errors=True)
sys.exit(1 if diff else 0)
