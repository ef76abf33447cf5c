#!/bin/sh
# Dispatches the image's commands: api, worker, or cli with the disclose CLI's arguments.
set -e
command="${1:-api}"
[ "$#" -gt 0 ] && shift
case "$command" in
  api|worker|cli) exec node --enable-source-maps "/app/dist/apps/$command/src/main.js" "$@" ;;
  migrate) exec node --enable-source-maps /app/dist/apps/cli/src/main.js migrate ;;
  *) echo "usage: api | worker | migrate | cli <disclose command>" >&2; exit 2 ;;
esac
