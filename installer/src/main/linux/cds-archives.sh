#!/usr/bin/env bash
# Makes the class-data archives (AppCDS) the launcher uses: lib/cds/client.jsa from a CLI run
# (import of a profile, then exit) and lib/cds/daemon.jsa from a service run (start, one client
# asking for the status, SIGTERM). Called by build-packages.sh with the staged app directory.
#
# A JDK 17 archive is valid only for the class path it was made with, so the training runs see
# the staged app at its installed path, /opt/roadwarrior: in a private mount namespace (tmpfs over
# /opt, the staged app bound into it), with a private network namespace (the service touches no
# real interface). Root does this with `unshare`; another user through a user namespace. Where
# neither works the package is built without archives (the launcher then runs without them).
set -euo pipefail
staged=$(cd "$1" && pwd) work=$2
here=$(cd "$(dirname "$0")" && pwd)

rm -rf "$work" "$staged/lib/cds"
mkdir -p "$work" "$staged/lib/cds"
if [ "$(id -u)" = 0 ]; then ns=(unshare --mount --net --propagation private); else ns=(unshare --user --map-root-user --mount --net); fi
if ! "${ns[@]}" true 2>/dev/null; then
    echo "build-packages: warning: cannot make a mount namespace here (${ns[*]}); no class-data archives"
    rmdir "$staged/lib/cds"
    exit 0
fi
if ! "${ns[@]}" "$here/cds-training.sh" "$staged" "$work" >"$work/training.log" 2>&1; then
    echo "build-packages: warning: the class-data training failed; no class-data archives. Its log:"
    sed 's/^/  /' "$work/training.log"
    rm -rf "$staged/lib/cds"
    exit 0
fi
chmod 0644 "$staged"/lib/cds/*.jsa
echo "build-packages: class-data archives: $(cd "$staged/lib/cds" && du -h -- *.jsa | tr '\t\n' ' ')"
