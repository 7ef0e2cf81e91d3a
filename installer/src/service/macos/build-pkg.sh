#!/bin/sh
# LibreConnect ${project.version}: builds LibreConnect.pkg on macOS from this layout
# (docs/install.md). Put the distribution (bin, lib, examples) and a macOS jlink runtime in
# root/Library/LibreConnect/ first.
set -e
cd "$(dirname "$0")"
pkgbuild --root root --scripts scripts --identifier org.libreconnect.connector \
  --version "${project.version}" --install-location / LibreConnect-${project.version}.pkg
