# Sourced by the bench scripts: start and stop local stand-ins (bin/iotctl local up) on loopback.
# start_standin DIR [ARGS...] starts one in the background with data dir DIR, waits for DIR/endpoint.json
# and records its pid in DIR.pid; stop_standins stops every one started this way (for a trap).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
standin_pids=()

start_standin() {
  local dir="$1"
  shift
  "$root/bin/iotctl" local up --data-dir "$dir" --mqtt-port 0 --http-port 0 "$@" >"$dir.log" 2>&1 &
  standin_pids+=("$!")
  local i
  for i in $(seq 1 240); do
    [ -s "$dir/endpoint.json" ] && return 0
    if ! kill -0 "$!" 2>/dev/null; then
      echo "stand-in exited early; log:" >&2
      cat "$dir.log" >&2
      return 1
    fi
    sleep 0.25
  done
  echo "stand-in not ready after 60 s; log in $dir.log" >&2
  return 1
}

stop_standins() {
  local pid
  for pid in "${standin_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${standin_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}

# json_field FILE FIELD prints a top-level string field of a JSON file.
json_field() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

require_jar() {
  if [ ! -f "$root/cli/target/iotctl.jar" ]; then
    echo "build first: (cd $root && ./mvnw -B -q -DskipTests package)" >&2
    exit 1
  fi
}
