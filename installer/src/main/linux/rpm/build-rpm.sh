#!/usr/bin/env bash
# Builds target/roadwarrior-<version>.x86_64.rpm from the staged tree with rpm/roadwarrior.spec.
#   build-rpm.sh VERSION STAGE_DIR TARGET_DIR
set -euo pipefail
version=$1 stage=$2 target=$3
here=$(cd "$(dirname "$0")" && pwd)
top=$target/rpmbuild
rm -rf "$top"
mkdir -p "$top"
if [ -d "$stage/usr/share/icons/hicolor" ]; then icons=1; else icons=0; fi
rpmbuild -bb --quiet --nodeps \
    --define "_topdir $top" --define "_rpmdir $target" \
    --define "_unitdir /usr/lib/systemd/system" --define "_sysusersdir /usr/lib/sysusers.d" \
    --define "stage $stage" --define "unit $here/../roadwarrior.service" --define "rw_version $version" --define "with_icons $icons" \
    "$here/roadwarrior.spec"
echo "build-packages: $target/roadwarrior-$version.x86_64.rpm ($(du -h "$target/roadwarrior-$version.x86_64.rpm" | cut -f1))"
