# Sourced by the benchmark scripts: finds the JDK to run with.
#   find_jdk MIN [EXACT]   prints the first JDK (JAVA_HOME, then /usr/lib/jvm/*) whose major version is
#                          at least MIN, or exactly EXACT when given; fails when there is none
#   jdk_major HOME         the major version of a JDK from its release file, or 0
#   use_jdk MIN WHO        find_jdk MIN, then sets jdk and exports JAVA_HOME and PATH to it; exits with
#                          a message naming WHO when there is none

jdk_major() {
  local version
  version="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -1)"
  echo "${version:-0}"
}

find_jdk() {
  local home major
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$home" && -x "$home/bin/java" ]] || continue
    major="$(jdk_major "$home")"
    if [[ -n "${2:-}" ]]; then [[ "$major" == "$2" ]] && { echo "$home"; return; }
    elif (( major >= $1 )); then echo "$home"; return; fi
  done
  return 1
}

use_jdk() {
  jdk="$(find_jdk "$1")" || { echo "$2: no JDK >= $1 found; set JAVA_HOME" >&2; exit 1; }
  export JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH"
}
