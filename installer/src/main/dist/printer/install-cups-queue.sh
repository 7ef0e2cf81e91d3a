#!/bin/sh
# Creates the LibreConnect virtual printer as a CUPS queue (run as root):
#   install-cups-queue.sh <spool folder> [queue name]
# The spool folder is the connector's <data>/printer folder of the user who runs it (the worker
# creates it, owner-only, at start). Printed jobs reach the connector unchanged (raw queue): print
# PDF documents to it, as browsers and most applications do on Linux.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
spool=${1:?usage: install-cups-queue.sh <spool folder> [queue name]}
queue=${2:-LibreConnect}
case "$spool" in /*) ;; *) echo "the spool folder must be an absolute path" >&2; exit 2 ;; esac
backends=${CUPS_SERVERBIN:-/usr/lib/cups}/backend
install -o root -g root -m 0700 "$here/libreconnect-cups-backend" "$backends/libreconnect"
lpadmin -p "$queue" -E -v "libreconnect:$spool" -m raw -D "LibreConnect virtual printer"
echo "Queue $queue prints to $spool"
