#!/usr/bin/env bash
# Compares IKEv1 clients on the system tests' lab, one after another in the same run:
#   vpnc, strongSwan as a client (a second charon), Roadwarrior `connect --foreground`, and
#   Roadwarrior through its service (`daemon` + `connect`).
# For each: connect time (median of RUNS connects), client CPU seconds per GB up and down
# (utime+stime of the client's process from /proc/PID/stat over an iperf3 transfer of GB each way),
# Mbit/s, peak resident set (VmHWM); then the ratios against vpnc and strongSwan.
#
#   sudo bench/compare.sh                  # AES-256-CBC + HMAC-SHA1, 1 GB each way, 10 connects each
#   sudo ESP=gcm bench/compare.sh          # AES-GCM-256 (16-byte ICV); vpnc cannot, so it is left out
#   sudo GB=2 RUNS=5 CLIENTS="rw-fg rw-svc" bench/compare.sh
#
# The lab is NetnsLab's (src/test/README.md): client - NAT router (MASQUERADE) - strongSwan gateway
# (charon with kernel-libipsec, userspace ESP) - protected host running the iperf3 server. Needs
# root, iproute2, iptables, charon + swanctl with the lab's plugins, vpnc, iperf3, jq. Roadwarrior is
# run through ./roadwarrior (built first if needed). Logs stay in $OUT (default /tmp/rwcompare.<pid>).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rw=${RW:-$here/roadwarrior}  # the Roadwarrior launcher to measure
GB=${GB:-1}
RUNS=${RUNS:-10}
ESP=${ESP:-cbc}
if [ "$ESP" = gcm ]; then default_clients="swan rw-fg rw-svc"; else default_clients="vpnc swan rw-fg rw-svc"; fi
CLIENTS=${CLIENTS:-$default_clients}
id=rwc$$
OUT=${OUT:-/tmp/rwcompare.$$}
mkdir -p "$OUT"
ns() { echo "$id-$1"; }
in_ns() { local n=$1; shift; ip netns exec "$(ns "$n")" "$@"; }
log() { echo "compare: $*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
ticks=$(getconf CLK_TCK)

case "$ESP" in
    cbc) gw_esp=aes256-sha1 swan_esp=aes256-sha1 rw_transform="s:phase2-transform:esp-aes
n:phase2-keylen:256
s:phase2-hmac:sha1" ;;
    gcm) gw_esp=aes256gcm16 swan_esp=aes256gcm16 rw_transform="s:phase2-transform:esp-aes-gcm16
n:phase2-keylen:256" ;;
    *) echo "ESP must be cbc or gcm" >&2; exit 2 ;;
esac

cleanup() {
    set +e
    for n in client router gateway protected; do
        for p in $(ip netns pids "$(ns $n)" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
        ip netns del "$(ns $n)" 2>/dev/null
    done
    wait 2>/dev/null
}
trap cleanup EXIT

# ---- the lab network (NetnsLab.build) ----
for n in client router gateway protected; do ip netns add "$(ns $n)"; in_ns $n ip link set lo up; done
ip link add name eth0 netns "$(ns client)" type veth peer name lan0 netns "$(ns router)"
ip link add name wan0 netns "$(ns router)" type veth peer name wan0 netns "$(ns gateway)"
ip link add name lan0 netns "$(ns gateway)" type veth peer name eth0 netns "$(ns protected)"
addr() { in_ns "$1" ip addr add "$3" dev "$2"; in_ns "$1" ip link set "$2" up; }
addr client eth0 192.168.77.2/24
addr router lan0 192.168.77.1/24
addr router wan0 203.0.113.1/24
addr gateway wan0 203.0.113.2/24
addr gateway lan0 10.77.0.1/24
addr protected eth0 10.77.0.10/24
in_ns client ip route add default via 192.168.77.1
in_ns protected ip route add default via 10.77.0.1
in_ns router sysctl -qw net.ipv4.ip_forward=1
in_ns gateway sysctl -qw net.ipv4.ip_forward=1
in_ns router iptables -t nat -A POSTROUTING -o wan0 -j MASQUERADE

# ---- charon (gateway, and the strongSwan client) with its own /run ----
charon_conf() { # name plugins
    cat <<EOF
charon {
  load = $2
  i_dont_care_about_security_and_use_aggressive_mode_psk = yes
  plugins { vici { socket = unix://$OUT/$1.vici } }
  filelog { lab { path = $OUT/$1-charon.log
    time_format = %H:%M:%S.%3N
    append = no
    default = 1 } }
}
EOF
}
start_charon() { # node name; sets charon_pid
    STRONGSWAN_CONF=$OUT/$2-strongswan.conf ip netns exec "$(ns "$1")" unshare --mount --propagation private \
        sh -c 'mount -t tmpfs -o mode=0755 tmpfs /run && exec /usr/lib/ipsec/charon' >"$OUT/$2-stdout.log" 2>&1 &
    charon_pid=$!
    for _ in $(seq 1 150); do
        swanctl --stats --uri "unix://$OUT/$2.vici" >/dev/null 2>&1 && return
        sleep 0.1
    done
    echo "charon $2 did not start; see $OUT/$2-*.log" >&2; exit 1
}
swan() { local name=$1; shift; swanctl "$@" --uri "unix://$OUT/$name.vici"; }
swan_load() { # name: loads $OUT/<name>-swanctl/swanctl.conf (swanctl wants its key directories beside it)
    local d=$OUT/$1-swanctl
    for sub in x509 x509ca x509ocsp x509aa x509ac x509crl pubkey private rsa ecdsa bliss pkcs8 pkcs12; do
        mkdir -p "$d/$sub"
    done
    swan "$1" --load-all --file "$d/swanctl.conf" >/dev/null
}

base_plugins="random nonce openssl aes sha1 sha2 md5 hmac gmp pem pkcs1 x509 pubkey kernel-libipsec kernel-netlink socket-default vici xauth-generic"
charon_conf gateway "$base_plugins attr unity constraints pkcs8" >"$OUT/gateway-strongswan.conf"
mkdir -p "$OUT/gateway-swanctl"
cat >"$OUT/gateway-swanctl/swanctl.conf" <<EOF
connections { rw {
  version = 1
  aggressive = yes
  local_addrs = 203.0.113.2
  proposals = aes256-sha1-modp1024,aes256-sha256-modp2048
  pools = rwpool
  send_certreq = no
  local { auth = psk }
  remote-group { auth = psk
    id = keyid:rwgroup }
  remote-user { auth = xauth }
  children { rw { local_ts = 10.77.0.0/24
    esp_proposals = $gw_esp } }
} }
pools { rwpool { addrs = 10.88.0.0/24
  dns = 10.77.0.53 } }
secrets {
  ike-group { id = keyid:rwgroup
    secret = rwgroup-secret }
  xauth-0 { id = alice
    secret = alice-password }
}
EOF
start_charon gateway gateway
swan_load gateway
in_ns protected iperf3 -s -D --logfile "$OUT/iperf3-server.log"
sleep 0.3

# ---- measuring ----
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
thread_ticks() { # "tid:name ticks" per thread, sorted for join
    for t in /proc/"$1"/task/*; do
        printf '%s:%s %s\n' "${t##*/}" "$(tr ' ' _ <"$t/comm")" "$(awk '{print $14 + $15}' "$t/stat")"
    done 2>/dev/null | sort
}
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
# transfer PID DIRECTION(up|down) -> "cpu_s_per_gb mbit_s"
transfer() {
    local pid=$1 dir=$2 flag=""
    [ "$dir" = down ] && flag=-R
    local before after
    before=$(cpu_ticks "$pid")
    thread_ticks "$pid" >"$OUT/threads-$current-$dir.before"
    in_ns client iperf3 -c 10.77.0.10 $flag -n "${GB}G" -J >"$OUT/iperf3-$current-$dir.json"
    after=$(cpu_ticks "$pid")
    thread_ticks "$pid" >"$OUT/threads-$current-$dir.after"
    # per thread, the ticks of the transfer: threads-<client>-<dir>.txt
    join -a 2 "$OUT/threads-$current-$dir.before" "$OUT/threads-$current-$dir.after" |
        awk '{d = (NF == 3) ? $3 - $2 : $2; if (d > 0) print d, $1}' | sort -rn >"$OUT/threads-$current-$dir.txt"
    local bytes mbit
    bytes=$(jq '.end.sum_received.bytes' "$OUT/iperf3-$current-$dir.json")
    mbit=$(jq '.end.sum_received.bits_per_second / 1e6' "$OUT/iperf3-$current-$dir.json")
    awk -v t=$((after - before)) -v hz="$ticks" -v b="$bytes" -v m="$mbit" \
        'BEGIN {printf "%.1f %.0f", t / hz / (b / 1e9), m}'
}
stamp() { perl -MTime::HiRes=time -ne '$| = 1; printf "%d %s", time * 1000, $_'; } # ms stamp per line
wait_for() { # file pattern timeout_s
    local deadline=$(( $(date +%s) + $3 ))
    until grep -q "$2" "$1" 2>/dev/null; do
        [ "$(date +%s)" -gt "$deadline" ] && { echo "timeout waiting for '$2' in $1" >&2; return 1; }
        sleep 0.01
    done
}
no_gateway_sa() {
    for _ in $(seq 1 100); do swan gateway --list-sas | grep -q ESTABLISHED || return 0; sleep 0.05; done
}
results=()
in_service=""
# where the resident set of PID goes, after its transfers: mem-<client>.txt (status, RSS per
# mapping kind from smaps, and the JVM's own summary when it runs with -XX:NativeMemoryTracking)
memory() {
    local pid=$1
    {
        grep -E '^(VmRSS|VmHWM|RssAnon|RssFile|Threads)' "/proc/$pid/status"
        awk '/^[0-9a-f]+-[0-9a-f]+ / {k = ($6 == "") ? "[anon]" : $6; sub(/.*\//, "", k)}
             /^Rss:/ {r[k] += $2} END {for (k in r) if (r[k] >= 512) printf "%8d kB %s\n", r[k], k}' \
            "/proc/$pid/smaps" | sort -rn
        if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q NativeMemoryTracking; then
            jcmd "$pid" VM.native_memory summary 2>&1 | grep -E '^(Total|-) ' | sed 's/^-  *//'
        fi
    } >"$OUT/mem-$current.txt" 2>&1 || true
}
record() { # name connect_ms pid
    local pid=$3 up down
    up=$(transfer "$pid" up)
    down=$(transfer "$pid" down)
    memory "$pid"
    results+=("$1 $2 $up $down $(( $(hwm_kb "$pid") / 1024 ))")
    log "$1: connect $2 ms, up ${up% *} s/GB ${up#* } Mbit/s, down ${down% *} s/GB ${down#* } Mbit/s, peak RSS $(( $(hwm_kb "$pid") / 1024 )) MB"
}

run_vpnc() {
    current=vpnc
    cp "$here/src/test/resources/dev/roadwarrior/systemtest/vpnc-script.sh" "$OUT/vpnc-script.sh"
    chmod +x "$OUT/vpnc-script.sh"
    printf '%s\n' "IPSec gateway 203.0.113.2" "IPSec ID rwgroup" "IPSec secret rwgroup-secret" \
        "Xauth username alice" "Xauth password alice-password" "IKE DH Group dh2" "NAT Traversal Mode natt" \
        "Perfect Forward Secrecy nopfs" "No Detach" "Script $OUT/vpnc-script.sh" "Pidfile $OUT/vpnc.pid" \
        >"$OUT/vpnc.conf"
    local times=() pid=""
    for i in $(seq 1 "$RUNS"); do
        rm -f "$OUT/connect.env"
        local t0; t0=$(now_ms)
        LAB_VPNC_DIR=$OUT ip netns exec "$(ns client)" vpnc --non-inter "$OUT/vpnc.conf" >"$OUT/vpnc-$i.log" 2>&1 &
        pid=$!
        wait_for "$OUT/connect.env" reason "30"
        times+=($(( $(now_ms) - t0 )))
        if [ "$i" -lt "$RUNS" ]; then kill -TERM "$pid"; wait "$pid" || true; no_gateway_sa; fi
    done
    record vpnc "$(printf '%s\n' "${times[@]}" | median)" "$pid"
    kill -TERM "$pid"; wait "$pid" || true; no_gateway_sa
}

run_swan() {
    current=swan
    charon_conf client "$base_plugins" >"$OUT/client-strongswan.conf"
    mkdir -p "$OUT/client-swanctl"
    cat >"$OUT/client-swanctl/swanctl.conf" <<EOF
connections { lab {
  version = 1
  aggressive = yes
  remote_addrs = 203.0.113.2
  vips = 0.0.0.0
  proposals = aes256-sha1-modp1024
  local { auth = psk
    id = keyid:rwgroup }
  local-xauth { auth = xauth
    xauth_id = alice }
  remote { auth = psk }
  children { lab { remote_ts = 10.77.0.0/24
    esp_proposals = $swan_esp } }
} }
secrets {
  ike-group { id = keyid:rwgroup
    secret = rwgroup-secret }
  xauth-alice { id = alice
    secret = alice-password }
}
EOF
    start_charon client client
    local pid=$charon_pid
    swan_load client
    local times=()
    for i in $(seq 1 "$RUNS"); do
        local t0; t0=$(now_ms)
        swan client --initiate --child lab >"$OUT/swan-initiate-$i.log"
        times+=($(( $(now_ms) - t0 )))
        if [ "$i" -lt "$RUNS" ]; then swan client --terminate --ike lab >/dev/null; no_gateway_sa; fi
    done
    record strongswan "$(printf '%s\n' "${times[@]}" | median)" "$pid"
    kill -TERM "$pid"; wait "$pid" || true; no_gateway_sa
}

rw_setup() {
    export ROADWARRIOR_HOME=$OUT/rw-home ROADWARRIOR_RUNTIME_DIR=$OUT/rw-run
    mkdir -p "$ROADWARRIOR_HOME" "$ROADWARRIOR_RUNTIME_DIR"
    [ -f "$here/app-ui/target/roadwarrior.jar" ] || (cd "$here" && ./mvnw -q -B -o -DskipTests package) >&2
    cat >"$OUT/lab.vpn" <<EOF
n:version:4
s:network-host:203.0.113.2
n:network-ike-port:500
s:client-auto-mode:pull
s:client-iface:virtual
n:network-mtu-size:1380
n:client-addr-auto:1
s:network-natt-mode:enable
n:network-natt-port:4500
n:network-natt-rate:15
s:network-frag-mode:disable
n:network-dpd-enable:1
n:client-banner-enable:0
n:client-dns-used:0
s:auth-method:mutual-psk-xauth
s:phase1-exchange:aggressive
s:phase1-cipher:aes
n:phase1-keylen:256
s:phase1-hash:sha1
n:phase1-dhgroup:2
n:phase1-life-secs:86400
$rw_transform
n:phase2-pfsgroup:-1
n:phase2-life-secs:3600
s:ipcomp-transform:disabled
s:policy-level:auto
n:policy-list-auto:1
s:client-saved-username:alice
s:ident-client-type:keyid
s:ident-client-data:rwgroup
s:ident-server-type:any
b:auth-mutual-psk:$(printf rwgroup-secret | base64)
EOF
    "$rw" delete lab >/dev/null 2>&1 || true
    "$rw" import "$OUT/lab.vpn" --name lab >/dev/null
}

run_rw_fg() {
    current=rw-fg
    rw_setup
    local times=() pid=""
    for i in $(seq 1 "$RUNS"); do
        local t0; t0=$(now_ms)
        echo "$t0 start" >"$OUT/rw-fg-$i.log"
        ip netns exec "$(ns client)" "$rw" connect lab --password-stdin --foreground \
            <<<alice-password > >(stamp >>"$OUT/rw-fg-$i.log") 2>&1 &
        pid=$!
        wait_for "$OUT/rw-fg-$i.log" "Tunnel up" 30
        times+=($(( $(now_ms) - t0 )))
        if [ "$i" -lt "$RUNS" ]; then kill -TERM "$pid"; wait "$pid" || true; no_gateway_sa; fi
    done
    record roadwarrior-fg "$(printf '%s\n' "${times[@]}" | median)" "$pid"
    kill -TERM "$pid"; wait "$pid" || true; no_gateway_sa
}

run_rw_svc() {
    current=rw-svc
    rw_setup
    ip netns exec "$(ns client)" "$rw" daemon >"$OUT/rw-daemon.log" 2>&1 &
    local pid=$!
    for _ in $(seq 1 600); do [ -S "$ROADWARRIOR_RUNTIME_DIR/roadwarrior.sock" ] && break; sleep 0.05; done
    local times=()
    for i in $(seq 1 "$RUNS"); do
        local t0; t0=$(now_ms)
        in_ns client "$rw" connect lab --password-stdin <<<alice-password >"$OUT/rw-svc-$i.log" 2>&1
        times+=($(( $(now_ms) - t0 )))
        if [ "$i" -lt "$RUNS" ]; then in_ns client "$rw" disconnect >/dev/null; no_gateway_sa; fi
    done
    record roadwarrior-svc "$(printf '%s\n' "${times[@]}" | median)" "$pid"
    # the service's own part: from the request to CONNECTED, by its log's time stamps
    in_service=$(awk '/connecting to/ {t0 = ms($1)} / CONNECTED$/ {print ms($1) - t0}
        function ms(stamp,  p) {split(substr(stamp, 12, 12), p, ":"); return int((p[1] * 3600 + p[2] * 60 + p[3]) * 1000)}' \
        "$OUT/rw-daemon.log" | median)
    in_ns client "$rw" disconnect >/dev/null
    kill -TERM "$pid"; wait "$pid" || true
}

for c in $CLIENTS; do
    case "$c" in
        vpnc) run_vpnc ;; swan) run_swan ;; rw-fg) run_rw_fg ;; rw-svc) run_rw_svc ;;
        *) echo "unknown client $c" >&2; exit 2 ;;
    esac
done

# ---- the table ----
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ESP $gw_esp, ${GB} GB each way, connect = median of $RUNS"
printf '%-16s %10s %10s %10s %10s %10s %8s %8s %10s %10s\n' client "connect ms" "up s/GB" "down s/GB" "up Mbit/s" \
    "down Mb/s" "RSS MB" "s/GB" "×vpnc" "×strongSwan"
vpnc_total="" swan_total=""
for r in "${results[@]}"; do
    set -- $r
    [ "$1" = vpnc ] && vpnc_total=$(awk -v a="$3" -v b="$5" 'BEGIN {print a + b}')
    [ "$1" = strongswan ] && swan_total=$(awk -v a="$3" -v b="$5" 'BEGIN {print a + b}')
done
for r in "${results[@]}"; do
    set -- $r
    total=$(awk -v a="$3" -v b="$5" 'BEGIN {print a + b}')
    rv=$( [ -n "$vpnc_total" ] && awk -v t="$total" -v v="$vpnc_total" 'BEGIN {printf "%.2f", t / v}' || echo -)
    rs=$( [ -n "$swan_total" ] && awk -v t="$total" -v v="$swan_total" 'BEGIN {printf "%.2f", t / v}' || echo -)
    printf '%-16s %10s %10s %10s %10s %10s %8s %8s %10s %10s\n' "$1" "$2" "$3" "$5" "$4" "$6" "$7" "$total" "$rv" "$rs"
done
echo "(s/GB: client CPU seconds, user + system, per 10^9 bytes received by iperf3; roadwarrior-svc connect"
echo " includes the CLI's own JVM start${in_service:+; inside the service: median $in_service ms}; logs in $OUT)"
