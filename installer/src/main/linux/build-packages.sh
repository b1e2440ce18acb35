#!/usr/bin/env bash
# Builds installer/target/roadwarrior_<version>_amd64.deb and, when rpmbuild is installed,
# installer/target/roadwarrior-<version>.x86_64.rpm, from the jars Maven collected in
# target/app (roadwarrior.jar, lib/). Called by installer/pom.xml in profile `package`:
#   build-packages.sh VERSION TARGET_DIR JDK_HOME ICON_TREE MAINTAINER
# Steps: a jlink runtime, the launcher, class-data archives, then one staged file tree
# (target/stage) that both packages are made of: dpkg-deb builds the .deb from it with the
# maintainer scripts in debian/, rpmbuild the .rpm with rpm/roadwarrior.spec.
set -euo pipefail
version=$1 target=$2 jdk=$3 icons=$4 maintainer=$5
here=$(cd "$(dirname "$0")" && pwd)
stage=$target/stage
app=$stage/opt/roadwarrior

say() { echo "build-packages: $*"; }

rm -rf "$stage" "$target"/roadwarrior_*.deb "$target"/roadwarrior-*.rpm
mkdir -p "$app/bin" "$app/lib"
cp -r "$target/app" "$app/lib/app"

say "jlink runtime"
modules=$(grep -v '^#' "$here/runtime-modules" | paste -sd, -)
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --strip-native-debug-symbols exclude-debuginfo-files \
    --no-man-pages --no-header-files --generate-cds-archive --output "$app/lib/runtime" >/dev/null
# Only bin/java is run; the heap caps keep compressed oops, so the no-coops CDS archive is never used.
rm -f "$app/lib/runtime/bin/keytool" "$app/lib/runtime/bin/jrunscript" "$app/lib/runtime/bin/jfr" \
    "$app/lib/runtime/lib/server/classes_nocoops.jsa" "$app/lib/runtime/lib/jexec"
# The JDK's native files keep their symbol tables; strip them as dh_strip would (binutils).
find "$app/lib/runtime" -type f \( -name '*.so' -o -path '*/bin/java' -o -name jspawnhelper \) \
    -exec strip --strip-unneeded --remove-section=.comment --remove-section=.note {} +
install -m 0755 "$here/roadwarrior" "$app/bin/roadwarrior"

# Modes: files 0644, directories 0755, programs 0755.
find "$stage" -type d -exec chmod 0755 {} +
find "$stage" -type f -exec chmod 0644 {} +
chmod 0755 "$app/bin/roadwarrior" "$app/lib/runtime/bin/java" "$app/lib/runtime/lib/jspawnhelper"

"$here/cds-archives.sh" "$app" "$target/cds-training"

say "package files"
install -D -m 0644 "$here/roadwarrior.desktop" "$stage/usr/share/applications/roadwarrior.desktop"
install -D -m 0644 "$here/roadwarrior-mime.xml" "$stage/usr/share/mime/packages/roadwarrior.xml"
install -D -m 0644 "$here/roadwarrior.sysusers" "$stage/usr/lib/sysusers.d/roadwarrior.conf"
if [ -d "$icons" ]; then
    mkdir -p "$stage/usr/share/icons"
    cp -r "$icons" "$stage/usr/share/icons/hicolor"
    find "$stage/usr/share/icons" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
else
    say "warning: no icons at $icons; the package has none"
fi
mkdir -p "$stage/usr/bin"
ln -s /opt/roadwarrior/bin/roadwarrior "$stage/usr/bin/roadwarrior"

if command -v dpkg-deb >/dev/null; then
    "$here/debian/build-deb.sh" "$version" "$stage" "$target" "$maintainer"
else
    say "dpkg-deb is not installed: no .deb"
fi
if command -v rpmbuild >/dev/null; then
    "$here/rpm/build-rpm.sh" "$version" "$stage" "$target"
else
    say "rpmbuild is not installed (Debian: package rpm): no .rpm"
fi
