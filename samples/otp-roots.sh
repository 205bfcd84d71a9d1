#!/usr/bin/env bash
# Newer Erlang/OTP releases beside the system one, for the cross-release interop tests (ErlangRelease.java):
# a minimal Debian root per release, made with debootstrap from the mirror apt already uses, entered with chroot.
#
#   sudo samples/otp-roots.sh prepare      # make (or complete) every root; a second run only checks them
#   samples/otp-roots.sh versions          # print each release's otp_release and erts version
#   sudo samples/otp-roots.sh run 29 erl -sname bar   # run a command of a release (27, 29) in its root
#
# Debian trixie gives OTP 27 and sid OTP 29. The roots live in $JERL_OTP_ROOTS (default /var/cache/jerl-otp),
# outside any checkout, so a fresh clone on the same machine reuses them. Each root records its release number in
# .jerl-otp-release; the tests find releases by that file.
set -euo pipefail

roots="${JERL_OTP_ROOTS:-/var/cache/jerl-otp}"
# suite:release pairs; the release is what the tests ask for, checked against the root once it is made.
suites=(trixie:27 sid:29)
packages=(erlang-base erlang-ssl elixir)

die() { echo "otp-roots.sh: $*" >&2; exit 1; }

# The first Debian archive URI in apt's sources (deb822 .sources files or one-line sources.list), never another host.
mirror() {
  local uri
  uri=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
      /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
  if [ -z "$uri" ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' \
        /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1)
  fi
  [ -n "$uri" ] || die "no Debian mirror in /etc/apt/sources.list{,.d}: cannot tell where to fetch from"
  echo "$uri"
}

in_root() { chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "${@:2}"; }

otp_of() { in_root "$1" erl -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)]), halt().'; }

prepare_one() {
  local suite=$1 want=$2 root="$roots/$1" url
  if [ ! -x "$root/usr/bin/erl" ]; then
    url=$(mirror)
    echo "otp-roots: making a Debian $suite root (OTP $want) from $url in $root"
    rm -rf "$root.tmp"
    local include
    include=$(IFS=,; echo "${packages[*]}")
    if ! debootstrap --variant=minbase --include="$include" "$suite" "$root.tmp" "$url" >"$roots/$suite.log" 2>&1; then
      tail -n 20 "$roots/$suite.log" >&2
      die "debootstrap of Debian $suite (OTP $want) failed; full log in $roots/$suite.log"
    fi
    mv "$root.tmp" "$root"
  fi
  local missing=()
  for p in "${packages[@]}"; do
    in_root "$root" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "otp-roots: installing ${missing[*]} in the $suite root"
    in_root "$root" apt-get update -qq || die "apt-get update failed in the $suite root"
    in_root "$root" apt-get install -y -qq "${missing[@]}" >/dev/null \
      || die "cannot install ${missing[*]} in the $suite root (OTP $want)"
  fi
  # The tests bind the host's /etc/hosts over the root's, so its host names resolve alike; a bind needs a target.
  [ -e "$root/etc/hosts" ] || : >"$root/etc/hosts"
  local got
  got=$(otp_of "$root") || die "erl does not run in the $suite root ($root)"
  [ "$got" = "$want" ] || die "Debian $suite now ships OTP $got, not OTP $want: update the release table in $0 and ErlangRelease.java"
  echo "$got" >"$root/.jerl-otp-release"
}

prepare() {
  [ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot): sudo $0 prepare"
  command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
  mkdir -p "$roots"
  for pair in "${suites[@]}"; do
    prepare_one "${pair%%:*}" "${pair##*:}"
  done
}

versions() {
  local v='io:format("Erlang/OTP ~s (erts ~s)", [erlang:system_info(otp_release), erlang:system_info(version)]), halt().'
  if command -v erl >/dev/null; then
    echo "system: $(erl -noshell -eval "$v")"
  fi
  for pair in "${suites[@]}"; do
    local suite=${pair%%:*} root="$roots/${pair%%:*}"
    if [ -f "$root/.jerl-otp-release" ] && [ "$(id -u)" -ne 0 ]; then
      echo "$suite: OTP $(cat "$root/.jerl-otp-release") prepared (run as root for its erts version)"
    elif [ -f "$root/.jerl-otp-release" ]; then
      echo "$suite: $(in_root "$root" erl -noshell -eval "$v")"
    else
      echo "$suite: not prepared (sudo $0 prepare)"
    fi
  done
}

# A command of release $1 inside its root, as if it ran here: same network, host name, /etc/hosts (which may
# be a network namespace's, see hosts.sh), /tmp, $HOME and working directory, all bound into the root in a mount
# namespace of the command's own. Each step execs the next, so the command keeps this script's process id.
run_release() {
  local otp=${1:-} pair root=
  shift || true
  for pair in "${suites[@]}"; do
    [ "${pair##*:}" = "$otp" ] && root="$roots/${pair%%:*}"
  done
  [ -n "$root" ] || die "no root holds OTP '$otp' (known: ${suites[*]}); for the system's erl run the command itself"
  [ $# -gt 0 ] || die "usage: $0 run RELEASE COMMAND [ARGS...]"
  [ -f "$root/.jerl-otp-release" ] || die "OTP $otp is not prepared: sudo $0 prepare"
  [ "$(id -u)" -eq 0 ] || die "chroot needs root: sudo $0 run $otp $*"
  exec unshare --mount -- sh -c '
    r=$1; shift
    for d in /tmp "$HOME" "$PWD"; do
      [ -n "$d" ] && [ -d "$d" ] && mkdir -p "$r$d" && mount --bind "$d" "$r$d" || exit 125
    done
    mount --bind /etc/hosts "$r/etc/hosts" || exit 125
    exec chroot "$r" sh -c "cd \"\$0\" && exec \"\$@\"" "$PWD" "$@"' sh "$root" "$@"
}

case "${1:-}" in
  prepare) prepare ;;
  versions) versions ;;
  run) shift; run_release "$@" ;;
  *) die "usage: $0 prepare | versions | run RELEASE COMMAND [ARGS...]" ;;
esac
