#!/usr/bin/env bash
# Pretend machines for the samples: each "host" is a Linux network namespace with its own address, host name,
# hosts file, home directory (so its own ~/.erlang.cookie) and EPMD, all plugged into one private switch.
#
#   sudo samples/hosts.sh up server1 server2       # make the hosts (each starts its EPMD)
#   sudo samples/hosts.sh run server1 CMD ARGS...  # run a command on a host, e.g. erl -sname car
#   sudo samples/hosts.sh down                     # stop everything on the hosts and remove them
#
# Addresses are 10.77.0.1, .2, ... in the order given to `up`; every host finds the others by name
# (server1, server2.lan). Nothing is routed outside: the switch itself lives in a namespace of its own.
# JERL_LAB names the set of hosts (default "jerl"), so several sets can exist side by side (tests use a
# random one); namespaces are called LAB-HOST, e.g. jerl-server1.
set -euo pipefail

lab="${JERL_LAB:-jerl}"
state="/run/jerl-hosts/$lab"
switch="$lab-lan"
subnet="10.77.0"
domain="lan"

die() { echo "hosts.sh: $*" >&2; exit 1; }
ns() { echo "$lab-$1"; }
hosts() { cat "$state/hosts" 2>/dev/null || true; }

up() {
  [ $# -gt 0 ] || die "usage: hosts.sh up HOST..."
  [ "$(id -u)" -eq 0 ] || die "needs root (network namespaces): sudo $0 up $*"
  [ ! -e "$state" ] || die "hosts of '$lab' are already up ($(hosts | tr '\n' ' ')); run: $0 down"
  [[ "$lab" =~ ^[a-z0-9]+$ ]] || die "JERL_LAB must be lower-case letters and digits, got '$lab'"
  for h in "$@"; do
    [[ "$h" =~ ^[a-z][a-z0-9-]*$ ]] || die "'$h' is not a host name (lower-case letters, digits, -)"
  done
  # A failure half-way leaves nothing behind.
  trap 'down >/dev/null 2>&1' ERR
  mkdir -p "$state"
  printf '%s\n' "$@" >"$state/hosts"
  ip netns add "$switch"
  ip -n "$switch" link add br0 type bridge
  ip -n "$switch" link set br0 up
  local i=0 table="127.0.0.1 localhost"$'\n'
  for h in "$@"; do
    i=$((i + 1))
    table+="$subnet.$i $h.$domain $h"$'\n'
  done
  i=0
  for h in "$@"; do
    i=$((i + 1))
    ip netns add "$(ns "$h")"
    ip link add eth0 netns "$(ns "$h")" type veth peer name "port$i" netns "$switch"
    ip -n "$switch" link set "port$i" master br0 up
    ip -n "$(ns "$h")" addr add "$subnet.$i/24" dev eth0
    ip -n "$(ns "$h")" link set eth0 up
    ip -n "$(ns "$h")" link set lo up
    # `ip netns exec` mounts these over /etc: the host's name table, and a resolver that never leaves the host.
    mkdir -p "/etc/netns/$(ns "$h")" "$state/$h/home"
    printf '%s' "$table" >"/etc/netns/$(ns "$h")/hosts"
    printf 'domain %s\nsearch %s\nnameserver 127.0.0.1\n' "$domain" "$domain" >"/etc/netns/$(ns "$h")/resolv.conf"
    run "$h" epmd -daemon
  done
  trap - ERR
  for h in "$@"; do echo "$h is up: $(ns "$h"), $(grep -E " $h\$" "/etc/netns/$(ns "$h")/hosts" | cut -d' ' -f1-2)"; done
}

# A command on a host: its network, its name (a UTS namespace of its own) and its home directory.
run() {
  [ $# -ge 2 ] || die "usage: hosts.sh run HOST COMMAND [ARGS...]"
  local h="$1"
  shift
  grep -qx "$h" "$state/hosts" 2>/dev/null || die "no host '$h' in '$lab' (hosts: $(hosts | tr '\n' ' ')); run: $0 up $h"
  exec_on "$h" "$@"
}

exec_on() {
  local h="$1"
  shift
  HOME="$state/$h/home" ${launch:-} ip netns exec "$(ns "$h")" \
    unshare --uts sh -c 'hostname "$0" && cd "$1" && shift && exec "$@"' "$h" "$PWD" "$@"
}

down() {
  [ "$(id -u)" -eq 0 ] || die "needs root: sudo $0 down"
  local h n
  for h in $(hosts) ; do
    n="$(ns "$h")"
    # Every process started on the host, EPMD included, goes with it.
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      pids="$(ip netns pids "$n" 2>/dev/null || true)"
      [ -n "$pids" ] || break
      kill $pids 2>/dev/null || true
      sleep 0.3
    done
    pids="$(ip netns pids "$n" 2>/dev/null || true)"
    [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
    ip netns del "$n" 2>/dev/null || true
    rm -rf "/etc/netns/$n"
  done
  ip netns del "$switch" 2>/dev/null || true
  rm -rf "$state"
  echo "hosts of '$lab' are down"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  run) shift; launch=exec run "$@" ;;  # the command replaces this script: signals reach it directly
  down) down ;;
  *) die "usage: hosts.sh up HOST... | run HOST COMMAND... | down   (JERL_LAB=$lab)" ;;
esac
