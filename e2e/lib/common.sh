# shellcheck shell=bash
# Sourced by the end-to-end scripts: logging, timing, waiting and loopback ports.
# Needs bash 4+; no other tool beyond coreutils.

# Sourced by several libraries of one script: the second time changes nothing (the timings and
# ports handed out so far stay).
[ -z "${MICROSCOPE_COMMON_SH:-}" ] || return 0
MICROSCOPE_COMMON_SH=1

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

die() {
  log "error: $*"
  exit 1
}

# Root of everything the scripts build or download; kept outside the repository.
microscope_cache_dir() { printf '%s\n' "${MICROSCOPE_CACHE_DIR:-$HOME/.cache/microscope}"; }

# timed LABEL CMD...: runs CMD, logs its wall time and appends "LABEL<TAB>seconds" to TIMINGS.
# CMD runs as the left side of `||`, where bash ignores `set -e`: a function passed as CMD must
# check its own steps.
TIMINGS=()
timed() {
  local label=$1 start status=0
  shift
  start=$(date +%s.%N)
  log "==> $label"
  "$@" || status=$?
  local seconds
  seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  TIMINGS+=("$label"$'\t'"$seconds")
  if [ "$status" -eq 0 ]; then
    log "<== $label: ${seconds} s"
  else
    log "<== $label: failed (exit $status) after ${seconds} s"
  fi
  return "$status"
}

# step LABEL: starts timing a step that runs in the calling shell (under its `set -e`, unlike a
# function passed to timed); the next step, or step_end, ends it and records its wall time in
# TIMINGS. After a failure, STEP_LABEL still names the step that failed.
STEP_LABEL=""
STEP_START=""
step() {
  step_end
  STEP_LABEL=$1
  STEP_START=$(date +%s.%N)
  log "==> $STEP_LABEL"
}

step_end() {
  [ -n "$STEP_LABEL" ] || return 0
  local seconds
  seconds=$(awk -v s="$STEP_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  TIMINGS+=("$STEP_LABEL"$'\t'"$seconds")
  log "<== $STEP_LABEL: ${seconds} s"
  STEP_LABEL=""
}

print_timings() {
  local row
  log "wall times (s):"
  for row in "${TIMINGS[@]}"; do
    printf '  %-45s %8s\n' "${row%%$'\t'*}" "${row#*$'\t'}" >&2
  done
}

# wait_for TIMEOUT_SECONDS DESCRIPTION CMD...: polls CMD once a second until it succeeds.
wait_for() {
  local timeout=$1 what=$2 deadline
  shift 2
  deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "timed out after ${timeout} s waiting for: $what"
      return 1
    fi
    sleep 1
  done
  log "ready: $what"
}

# retry ATTEMPTS DELAY_SECONDS CMD...: runs CMD until it succeeds, at most ATTEMPTS times, DELAY
# seconds apart; returns CMD's last status. For steps that may fail for a moment (an API server
# that is still starting, a webhook that is not served yet), not for waiting on a state.
retry() {
  local attempts=$1 delay=$2 attempt status
  shift 2
  for ((attempt = 1; ; attempt++)); do
    status=0
    "$@" || status=$?
    if [ "$status" -eq 0 ] || [ "$attempt" -ge "$attempts" ]; then
      return "$status"
    fi
    log "retrying in ${delay} s ($attempt/$attempts failed, exit $status): $*"
    sleep "$delay"
  done
}

# free_port VAR: sets VAR to a loopback TCP port that no socket uses and that this shell has not
# handed out before (it sets a variable rather than printing, so the memory of handed-out ports
# survives; a command substitution would run in a subshell). Ports come from below the kernel's
# ephemeral range, where outgoing connections take their local ports: such a port accepts no
# connection yet cannot be bound. A port can still be taken between this check and its use; the
# server started on it then fails loudly.
FREE_PORTS_GIVEN=" "
free_port() {
  local port attempt low=10000 high=32767
  if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then
    read -r high _ </proc/sys/net/ipv4/ip_local_port_range
    high=$((high - 1))
  fi
  for attempt in $(seq 1 200); do
    port=$((low + RANDOM % (high - low + 1)))
    case $FREE_PORTS_GIVEN in *" $port "*) continue ;; esac
    port_in_use "$port" && continue
    FREE_PORTS_GIVEN+="$port "
    printf -v "$1" '%s' "$port"
    return 0
  done
  die "no free loopback port found after $attempt attempts"
}

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htan "sport = :$1")" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
