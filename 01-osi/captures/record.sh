#!/usr/bin/env bash
# Re-records the test captures of 01-osi on the loopback interface and writes, next to
# each .pcap, Wireshark's view of it (tshark -T json), which the tests compare with.
#
# Needs: Linux, dumpcap, editcap and tshark (Wireshark), a JDK 17 or newer, and the
# right to capture on `lo` (root, or dumpcap with CAP_NET_RAW). Run from anywhere:
#   sudo 01-osi/captures/record.sh
# Files written:
#   src/test/resources/captures/    http.pcap, http-nsec.pcap, udp.pcap, udp-be.pcap, udp-any.pcap
#                                   (+ .tshark.json)
#   src/hidden/resources/captures/  mixed.pcap, mixed-nsec-be.pcap (+ .tshark.json)
# Sequence numbers, ports, ids and times differ on every recording, so re-recording
# changes the files; the tests compare with whatever tshark says about them.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
PUBLIC="$MODULE/src/test/resources/captures"
HIDDEN="$MODULE/src/hidden/resources/captures"
JAVA="${JAVA:-java}"
# How long dumpcap may take to open the interface before we give up.
START_TIMEOUT_SECONDS=10
# Packets still in flight after the generator returns (the last ACK) get this long to arrive.
SETTLE_SECONDS=1

mkdir -p "$PUBLIC" "$HIDDEN"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# capture INTERFACE OUT FILTER MODE PORT: runs `java Traffic.java MODE PORT` while dumpcap
# writes a classic (-P: microsecond, host byte order) pcap of the packets matching FILTER.
# On `lo` the frames are Ethernet II with zero MAC addresses; on `any` they start with
# Linux's cooked header (link type 113).
capture() {
  local interface="$1" out="$2" filter="$3" mode="$4" port="$5"
  local log="$WORK/dumpcap.log"
  : > "$log"
  dumpcap -i "$interface" -P -s 262144 -f "$filter" -w "$WORK/raw.pcap" > "$log" 2>&1 &
  local pid=$!
  local waited=0
  until grep -q "^File:" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge $((START_TIMEOUT_SECONDS * 10)) ]; then
      cat "$log" >&2
      echo "record.sh: dumpcap did not start" >&2
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  "$JAVA" "$HERE/Traffic.java" "$mode" "$port"
  sleep "$SETTLE_SECONDS"
  kill -INT "$pid"
  wait "$pid" || true
  cp "$WORK/raw.pcap" "$out"
  chmod 644 "$out"
}

# dissect PCAP [tshark options...]: Wireshark's full view, with checksum checking switched on
# (it is off by default) so that the JSON says good/bad for every checksum.
dissect() {
  local pcap="$1"
  shift
  tshark -r "$pcap" -T json -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE \
    -o udp.check_checksum:TRUE "$@" > "${pcap%.pcap}.tshark.json"
}

capture lo "$PUBLIC/http.pcap" "tcp port 8088" http 8088
capture lo "$PUBLIC/udp.pcap" "udp port 5005" udp 5005
capture any "$PUBLIC/udp-any.pcap" "udp port 5005" udp 5005
capture lo "$HIDDEN/mixed.pcap" "tcp port 8089 or tcp port 8090 or udp port 8091 or udp port 8092 or icmp" mixed 8089

# Variants: nanosecond timestamps (editcap), big-endian headers and completed checksums (Traffic.java).
editcap -F nsecpcap "$PUBLIC/http.pcap" "$PUBLIC/http-nsec.pcap"
"$JAVA" "$HERE/Traffic.java" rewrite "$PUBLIC/udp.pcap" "$PUBLIC/udp-be.pcap" --big-endian --complete-checksums
editcap -F nsecpcap "$HIDDEN/mixed.pcap" "$WORK/mixed-nsec.pcap"
"$JAVA" "$HERE/Traffic.java" rewrite "$WORK/mixed-nsec.pcap" "$HIDDEN/mixed-nsec-be.pcap" --big-endian \
  --complete-checksums

for f in "$PUBLIC"/http.pcap "$PUBLIC"/http-nsec.pcap "$PUBLIC"/udp.pcap "$PUBLIC"/udp-be.pcap "$PUBLIC"/udp-any.pcap; do
  dissect "$f"
done
for f in "$HIDDEN"/mixed.pcap "$HIDDEN"/mixed-nsec-be.pcap; do
  dissect "$f" -d tcp.port==8089,http
done
echo "recorded:" && ls -l "$PUBLIC" "$HIDDEN"
