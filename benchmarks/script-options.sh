# Sourced by the benchmark scripts: the options every one of them takes.
#   read_script_options FIRST,LAST "$@"
#       sets invoked (the command as typed, recorded with the results), build (false after --no-build)
#       and args (every other argument, in order); -h/--help prints lines FIRST to LAST of the running
#       script (its usage comment) and exits

read_script_options() {
  local usage="$1" arg
  shift
  invoked="benchmarks/$(basename "$0")"
  for arg in "$@"; do invoked+=" $(printf '%q' "$arg")"; done
  build=true
  args=()
  for arg in "$@"; do
    case "$arg" in
      --no-build) build=false ;;
      -h|--help) sed -n "${usage}p" "$0"; exit 0 ;;
      *) args+=("$arg") ;;
    esac
  done
}
