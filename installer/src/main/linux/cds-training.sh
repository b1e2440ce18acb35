#!/usr/bin/env bash
# The training runs for cds-archives.sh, inside its private mount and network namespaces:
#   cds-training.sh STAGED_APP WORK_DIR
set -euo pipefail
staged=$1 work=$2
mount -t tmpfs -o mode=0755 tmpfs /opt
mkdir /opt/roadwarrior
mount --bind "$staged" /opt/roadwarrior
ip link set lo up 2>/dev/null || true
rw=/opt/roadwarrior/bin/roadwarrior
cds=/opt/roadwarrior/lib/cds

# The CLI: import a profile (the .vpn parser, the profile store), then list it.
export ROADWARRIOR_HOME=$work/home
mkdir -p "$ROADWARRIOR_HOME"
unset DBUS_SESSION_BUS_ADDRESS
printf 'n:version:4\ns:network-host:192.0.2.1\ns:auth-method:mutual-psk-xauth\ns:phase1-exchange:aggressive\ns:ident-client-type:keyid\ns:ident-client-data:training\ns:client-saved-username:alice\n' >"$work/training.vpn"
ROADWARRIOR_JAVA_OPTS="-XX:ArchiveClassesAtExit=$cds/client.jsa" "$rw" import "$work/training.vpn" --name training
test -s "$cds/client.jsa"

# The service: start, answer one client, stop on SIGTERM.
export ROADWARRIOR_RUNTIME_DIR=$work/run
mkdir -p "$ROADWARRIOR_RUNTIME_DIR"
ROADWARRIOR_JAVA_OPTS="-XX:ArchiveClassesAtExit=$cds/daemon.jsa" "$rw" daemon &
daemon=$!
for _ in $(seq 1 600); do
    [ -S "$ROADWARRIOR_RUNTIME_DIR/roadwarrior.sock" ] && break
    kill -0 "$daemon" 2>/dev/null || { echo "the service exited"; exit 1; }
    sleep 0.1
done
"$rw" status
kill -TERM "$daemon"
wait "$daemon"
test -s "$cds/daemon.jsa"
