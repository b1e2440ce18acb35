#!/usr/bin/env bash
# Install test of the Linux packages, run as root by .ci/run after the Maven build (a Debian
# machine without systemd as PID 1). Builds the packages with the README's command, then for the
# .deb: lintian, dpkg -i, files with owners and modes (and dpkg -S naming the package),
# desktop-file-validate, the launcher with its class-data archive, the desktop app's window under
# Xvfb, the .vpn/.pcf types and their default application, the group and the service's enablement,
# the installed service with a connect through it by a group member (InstalledPackageTest against
# the lab gateway), then dpkg --purge and nothing left. For the .rpm: its contents, modes, owners,
# scriptlets and dependencies (rpm -qp), not an install.
# MAVEN_ARGS (e.g. -o) reaches every Maven run; INSTALL_TEST_BUILD=no tests the packages already built.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(cd .. && pwd)
cd "$repo"
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
deb=installer/target/roadwarrior_${version}_amd64.deb
rpmfile=installer/target/roadwarrior-${version}.x86_64.rpm
work=$(mktemp -d)
installed=no

step() { echo "install-test: $*"; }
fail() { echo "install-test: FAIL: $*" >&2; exit 1; }
cleanup() {
    if [ "$installed" = yes ]; then dpkg --purge roadwarrior >/dev/null 2>&1 || true; fi
    if [ -n "${xvfb:-}" ]; then kill "$xvfb" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "needs root (dpkg -i)"
! dpkg -s roadwarrior >/dev/null 2>&1 || fail "roadwarrior is installed already; purge it first"
! getent group roadwarrior >/dev/null || fail "group roadwarrior exists already; the purge check needs it absent"

if [ "${INSTALL_TEST_BUILD:-yes}" = yes ]; then
    step "building the packages"
    ./mvnw -B -q -Ppackage -pl installer -am package -DskipTests
fi
[ -f "$deb" ] || fail "no $deb"

step "lintian (overrides in installer/src/main/linux/debian/lintian-overrides)"
lintian --fail-on error,warning "$deb" || fail "lintian"
if dpkg-deb -c "$deb" | awk '{print $2}' | grep -v '^root/root$' >/dev/null; then fail "a file not owned by root/root"; fi

dpkg-deb -f "$deb" Depends | grep -qw nftables || fail "the .deb does not depend on nftables (the kill switch's nft)"
step "dpkg -i"
installed=yes
dpkg -i "$deb" >"$work/dpkg-i.log" 2>&1 || { cat "$work/dpkg-i.log"; fail "dpkg -i"; }
grep -q "systemd does not run here" "$work/dpkg-i.log" || [ -d /run/systemd/system ] || fail "postinst did not say the service was not started"
grep -q "usermod -aG roadwarrior" "$work/dpkg-i.log" || fail "postinst did not say how to join the group"

expect() { # PATH OWNER MODE: present, owned by the package, with that owner and mode
    [ -e "$1" ] || fail "$1 missing"
    [ "$(stat -c '%U:%G %a' "$1")" = "$2 $3" ] || fail "$1 is $(stat -c '%U:%G %a' "$1"), not $2 $3"
    dpkg -S "$1" 2>/dev/null | grep -q '^roadwarrior: ' || fail "dpkg -S $1 does not name roadwarrior"
}
expect /opt/roadwarrior root:root 755
expect /opt/roadwarrior/bin/roadwarrior root:root 755
expect /opt/roadwarrior/lib/runtime/bin/java root:root 755
expect /opt/roadwarrior/lib/app/roadwarrior.jar root:root 644
expect /opt/roadwarrior/lib/cds/client.jsa root:root 644
expect /opt/roadwarrior/lib/cds/daemon.jsa root:root 644
expect /usr/share/applications/roadwarrior.desktop root:root 644
expect /usr/share/mime/packages/roadwarrior.xml root:root 644
expect /lib/systemd/system/roadwarrior.service root:root 644
expect /usr/lib/sysusers.d/roadwarrior.conf root:root 644
for state in roadwarrior roadwarrior-disconnected roadwarrior-connecting roadwarrior-connected roadwarrior-error; do
    expect "/usr/share/icons/hicolor/scalable/apps/$state.svg" root:root 644
    for n in 16 22 24 32 48 64 128 256; do expect "/usr/share/icons/hicolor/${n}x${n}/apps/$state.png" root:root 644; done
done
[ "$(readlink /usr/bin/roadwarrior)" = /opt/roadwarrior/bin/roadwarrior ] || fail "/usr/bin/roadwarrior is not the link"
dpkg -S /usr/bin/roadwarrior | grep -q '^roadwarrior: ' || fail "dpkg -S /usr/bin/roadwarrior"
[ -z "$(find /opt/roadwarrior -name '*.h' -o -name '*.1' -o -name '*.debuginfo')" ] || fail "headers, man pages or debug files in the runtime"

step "desktop entry"
out=$(desktop-file-validate --no-hints /usr/share/applications/roadwarrior.desktop 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
grep -qx 'Exec=roadwarrior open %f' /usr/share/applications/roadwarrior.desktop || fail "Exec"

step "launcher: --version, as root and as nobody, with the class-data archive mapped (-Xshare:on)"
/usr/bin/roadwarrior --version | grep -q "$version" || fail "--version"
setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$work" ROADWARRIOR_JAVA_OPTS=-Xshare:on \
    /usr/bin/roadwarrior --version | grep -q "$version" || fail "--version as nobody with -Xshare:on"

step "file types and their application"
mkdir -p "$work/home" && chmod 755 "$work" "$work/home"
printf 'n:version:4\ns:network-host:192.0.2.1\ns:auth-method:mutual-psk-xauth\n' >"$work/office.vpn"
cp "$work/office.vpn" "$work/office"
printf '[main]\r\nHost=192.0.2.1\r\nAuthType=1\r\nGroupName=sales\r\n' >"$work/sales.pcf"
# As on a GNOME desktop (gio): the generic path (File::MimeInfo) does not let magic settle the
# *.pcf glob shared with PCF fonts; GIO and KDE do.
xdg() { XDG_CURRENT_DESKTOP=GNOME HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share xdg-mime "$@"; }
[ "$(xdg query filetype "$work/office.vpn")" = application/x-shrew-vpn ] || fail "filetype of a .vpn: $(xdg query filetype "$work/office.vpn")"
[ "$(xdg query filetype "$work/office")" = application/x-shrew-vpn ] || fail "filetype of a Shrew file without extension (magic): $(xdg query filetype "$work/office")"
[ "$(xdg query filetype "$work/sales.pcf")" = application/x-cisco-vpn-settings ] || fail "filetype of a .pcf: $(xdg query filetype "$work/sales.pcf")"
[ "$(xdg query default application/x-shrew-vpn)" = roadwarrior.desktop ] || fail "default for .vpn: $(xdg query default application/x-shrew-vpn)"
[ "$(xdg query default application/x-cisco-vpn-settings)" = roadwarrior.desktop ] || fail "default for .pcf"

step "group and service enablement"
getent group roadwarrior >/dev/null || fail "no group roadwarrior"
[ -L /etc/systemd/system/multi-user.target.wants/roadwarrior.service ] || fail "the service is not enabled"

if command -v systemd-analyze >/dev/null; then
    exposure=$(systemd-analyze security --offline=true /lib/systemd/system/roadwarrior.service 2>/dev/null \
        | sed -n 's/.*Overall exposure level for roadwarrior.service: \([0-9.]*\).*/\1/p')
    step "systemd-analyze security: exposure $exposure"
    awk -v e="$exposure" 'BEGIN {exit !(e != "" && e < 4)}' || fail "exposure ${exposure:-unknown}, not below 4"
fi

step "desktop app under Xvfb: the menu entry's command with and without a file (window class from StartupWMClass)"
wmclass=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/roadwarrior.desktop)
Xvfb :95 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 2
window() { # ARGS...: `roadwarrior ARGS` shows a window of class $wmclass; stopped again
    (cd "$work" && DISPLAY=:95 HOME=$work/home exec setsid /usr/bin/roadwarrior "$@") >"$work/app.log" 2>&1 &
    local app=$! shown=no
    for _ in $(seq 1 90); do
        if grep -q "\"$wmclass\"" <<<"$(DISPLAY=:95 xwininfo -root -tree 2>/dev/null)"; then shown=yes; break; fi
        kill -0 "$app" 2>/dev/null || break
        sleep 1
    done
    kill -- -"$app" 2>/dev/null || kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    [ "$shown" = yes ] || { cat "$work/app.log"; fail "roadwarrior $*: no window of class $wmclass"; }
}
window open "$work/office.vpn"
window open
kill "$xvfb" 2>/dev/null || true
xvfb=

step "the installed service and a connect through it (InstalledPackageTest)"
./mvnw -B -q -pl src/test -am test -Dtest=InstalledPackageTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Droadwarrior.installed=/opt/roadwarrior || fail "InstalledPackageTest"
grep -q 'tests="1"' src/test/target/surefire-reports/TEST-dev.roadwarrior.systemtest.InstalledPackageTest.xml \
    && grep -q 'skipped="0"' src/test/target/surefire-reports/TEST-dev.roadwarrior.systemtest.InstalledPackageTest.xml \
    || fail "InstalledPackageTest did not run (skipped?)"

step "dpkg --purge"
dpkg --purge roadwarrior >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge"; }
installed=no
! dpkg -s roadwarrior >/dev/null 2>&1 || fail "still known to dpkg"
for p in /opt/roadwarrior /usr/bin/roadwarrior /usr/share/applications/roadwarrior.desktop \
    /usr/share/mime/packages/roadwarrior.xml /lib/systemd/system/roadwarrior.service \
    /usr/lib/sysusers.d/roadwarrior.conf /var/lib/roadwarrior /run/roadwarrior /usr/share/doc/roadwarrior \
    /usr/share/lintian/overrides/roadwarrior; do
    [ ! -e "$p" ] && [ ! -L "$p" ] || fail "$p left after purge"
done
left=$(find /usr/share/icons /etc/systemd /var/lib/systemd -name 'roadwarrior*' 2>/dev/null || true)
[ -z "$left" ] || fail "left after purge: $left"
! getent group roadwarrior >/dev/null || fail "group roadwarrior left after purge"
! grep -rqs 'x-shrew-vpn' /usr/share/mime --include='*' || fail "the .vpn type is still in the MIME database"
! grep -qs roadwarrior /usr/share/applications/mimeinfo.cache || fail "still in mimeinfo.cache"

if [ -f "$rpmfile" ]; then
    step "rpm contents"
    rpm -K --nosignature "$rpmfile" >/dev/null || fail "rpm -K"
    list=$(rpm -qlp "$rpmfile")
    for p in /opt/roadwarrior/bin/roadwarrior /opt/roadwarrior/lib/runtime/bin/java /opt/roadwarrior/lib/app/roadwarrior.jar \
        /usr/bin/roadwarrior /usr/lib/systemd/system/roadwarrior.service /usr/lib/sysusers.d/roadwarrior.conf \
        /usr/share/applications/roadwarrior.desktop /usr/share/mime/packages/roadwarrior.xml \
        /usr/share/icons/hicolor/scalable/apps/roadwarrior.svg /usr/share/icons/hicolor/48x48/apps/roadwarrior.png; do
        grep -qx "$p" <<<"$list" || fail "rpm lacks $p"
    done
    # (whole outputs in variables: grep -q on a pipe would end it early, and pipefail count that)
    long=$(rpm -qlvp "$rpmfile")
    awk '$3 != "root" || $4 != "root" {print; bad=1} END {exit bad}' <<<"$long" || fail "rpm: a file not owned by root"
    grep -q '^-rwxr-xr-x .* /opt/roadwarrior/bin/roadwarrior$' <<<"$long" || fail "rpm: launcher mode"
    grep -q '^-rw-r--r-- .* /usr/lib/systemd/system/roadwarrior.service$' <<<"$long" || fail "rpm: unit mode"
    scripts=$(rpm -qp --scripts "$rpmfile")
    for s in 'systemd-sysusers' 'groupadd --system roadwarrior' 'systemctl enable --now' 'systemctl disable --now' 'groupdel roadwarrior'; do
        grep -q -- "$s" <<<"$scripts" || fail "rpm scriptlets lack: $s"
    done
    requires=$(rpm -qp --requires "$rpmfile")
    grep -q '^gtk3' <<<"$requires" || fail "rpm does not require gtk3"
    grep -q '^nftables' <<<"$requires" || fail "rpm does not require nftables (the kill switch's nft)"
    ! grep -q 'libjvm.so' <<<"$requires" || fail "rpm requires its own bundled libjvm.so"
    [ -z "$(rpm -qp --provides "$rpmfile" | grep '\.so')" ] || fail "rpm offers its bundled libraries to the system"
else
    step "no .rpm (rpmbuild missing): rpm checks skipped"
fi
step "passed"
