#!/usr/bin/env bash
# Builds target/roadwarrior_<version>_amd64.deb from the staged tree: adds the Debian-only files
# (the unit in /lib/systemd/system, docs, lintian overrides), the control file with the
# dependencies of the runtime's native libraries (dpkg-shlibdeps) plus GTK 3 for JavaFX (whose
# native libraries are unpacked at run time, so no tool sees them), md5sums, and the maintainer
# scripts. Files belong to root (dpkg-deb --root-owner-group; no fakeroot needed).
#   build-deb.sh VERSION STAGE_DIR TARGET_DIR MAINTAINER
set -euo pipefail
version=$1 stage=$2 target=$3 maintainer=$4
here=$(cd "$(dirname "$0")" && pwd)
root=$target/deb-root
deb=$target/roadwarrior_${version}_amd64.deb

rm -rf "$root"
cp -a "$stage" "$root"
install -D -m 0644 "$here/../roadwarrior.service" "$root/lib/systemd/system/roadwarrior.service"
doc=$root/usr/share/doc/roadwarrior
install -D -m 0644 "$here/copyright" "$doc/copyright"
sed -e "s/@VERSION@/$version/" -e "s|@MAINTAINER@|$maintainer|" "$here/changelog" | gzip -9n >"$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
install -D -m 0644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/roadwarrior"

mkdir -p "$root/DEBIAN"
install -m 0755 "$here/postinst" "$here/prerm" "$here/postrm" "$root/DEBIAN/"

if ! command -v dpkg-shlibdeps >/dev/null; then
    echo "build-packages: dpkg-shlibdeps is missing (Debian package dpkg-dev)" >&2
    exit 1
fi
scratch=$target/shlibdeps
rm -rf "$scratch" && mkdir -p "$scratch/debian" && touch "$scratch/debian/control"
mapfile -t elves < <(find "$root/opt" -type f \( -name '*.so' -o -path '*/runtime/bin/java' -o -name jspawnhelper \) | sort)
depends=$(cd "$scratch" && dpkg-shlibdeps -O -l"$root/opt/roadwarrior/lib/runtime/lib" \
    -l"$root/opt/roadwarrior/lib/runtime/lib/server" "${elves[@]}" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s|@MAINTAINER@|$maintainer|" -e "s/@INSTALLED_SIZE@/$size/" -e "s/@DEPENDS@/$depends, libgtk-3-0, nftables/" \
    "$here/control.in" >"$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build-packages: $deb ($(du -h "$deb" | cut -f1))"
