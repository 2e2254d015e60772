#!/usr/bin/env bash
# A real sync conflict, made by a real sync engine, found and merged by the app.
#
# Two Syncthing instances (Debian's `syncthing`) run on 127.0.0.1 with their own homes,
# no discovery, relays or NAT, sharing one folder. The app writes a data file into the
# first instance's folder and waits until the second has it. Then two officials, each on
# their own machine (their own data folder) and offline, add a different conclusion notice
# to their copy from the command line at the same moment; back online, Syncthing sees two
# concurrent changes
# and keeps one as `data.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ron`. The script checks
# that `industry-desk conflicts` lists that copy, that `industry-desk merge` finds the
# version both started from and merges without a conflict, and that the merge holds
# every directive of both notices.
#
# Run by hand (not in CI: it waits on a sync engine for tens of seconds):
#     apt-get install syncthing curl
#     cargo build && scripts/sync-conflict-with-syncthing.sh [BINARY] [KEEP_DIR]
# BINARY defaults to target/debug/industry-desk; with KEEP_DIR the folders are left there
# to look at (open KEEP_DIR/a/share/data.ron in the app to see the conflict banner); on a
# failure they are always left.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$root/target/debug/industry-desk}")"
keep="${2:-}"
work="${keep:-$(mktemp -d)}"
mkdir -p "$work"
work="$(realpath "$work")"
notices="$root/tests/data/notices"
command -v syncthing >/dev/null || { echo "needs syncthing (apt-get install syncthing)" >&2; exit 2; }
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }
[ -x "$bin" ] || { echo "no binary at $bin (cargo build first)" >&2; exit 2; }

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

# Ports: GUI/REST and sync listener for each side.
declare -A gui=([a]=28384 [b]=28385) listen=([a]=22101 [b]=22102)
for side in a b; do
    rm -rf "$work/$side"
    mkdir -p "$work/$side/share" "$work/$side/data"
    syncthing generate --home="$work/$side/home" --no-default-folder >/dev/null 2>&1
done
id_a="$(syncthing serve --home="$work/a/home" --device-id)"
id_b="$(syncthing serve --home="$work/b/home" --device-id)"

# Each side's config: loopback only, nothing reported, the other device known at its
# address, and one folder shared by both (watched, changes sent after 1 s).
configure() {
    local side="$1" me="$2" peer="$3" peer_port="$4"
    python3 - "$work/$side/home/config.xml" "$work/$side/share" "$me" "$peer" \
        "127.0.0.1:${gui[$side]}" "tcp://127.0.0.1:${listen[$side]}" "tcp://127.0.0.1:$peer_port" <<'EOF'
import sys, xml.etree.ElementTree as ET
path, share, me, peer, gui, listen, peer_address = sys.argv[1:]
tree = ET.parse(path)
config = tree.getroot()
options = config.find("options")
for name, value in {
    "listenAddress": listen, "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false", "relaysEnabled": "false", "natEnabled": "false",
    "urAccepted": "-1", "startBrowser": "false", "crashReportingEnabled": "false",
    "autoUpgradeIntervalH": "0",
}.items():
    options.find(name).text = value
config.find("gui/address").text = gui
device = ET.SubElement(config, "device", id=peer, name="peer", compression="metadata")
ET.SubElement(device, "address").text = peer_address
folder = ET.Element("folder", id="industry-desk", label="industry-desk", path=share,
                    type="sendreceive", rescanIntervalS="60", fsWatcherEnabled="true",
                    fsWatcherDelayS="1")
for device_id in (me, peer):
    ET.SubElement(folder, "device", id=device_id)
# Said outright: an element left out reads as 0, and 0 conflict copies means Syncthing
# keeps the winner and drops the other side's edit without a trace.
ET.SubElement(folder, "maxConflicts").text = "10"
config.insert(0, folder)
tree.write(path)
EOF
}
configure a "$id_a" "$id_b" "${listen[b]}"
configure b "$id_b" "$id_a" "${listen[a]}"

for side in a b; do
    syncthing serve --home="$work/$side/home" --no-browser --no-restart --no-upgrade \
        >"$work/$side/syncthing.log" 2>&1 &
    pids+=($!)
done

# Each official has their own machine: their own data folder (and store of versions).
desk() { local side="$1"; shift; XDG_DATA_HOME="$work/$side/data" "$bin" "$@"; }

wait_for() { # SECONDS DESCRIPTION COMMAND...
    local seconds="$1" what="$2"; shift 2
    for _ in $(seq "$((seconds * 2))"); do
        if "$@"; then return 0; fi
        sleep 0.5
    done
    echo "FAIL: $what within ${seconds}s (logs in $work/*/syncthing.log)" >&2
    exit 1
}

desk a new "$work/a/share/data.ron" >/dev/null
same_file() { cmp -s "$work/a/share/data.ron" "$work/b/share/data.ron"; }
wait_for 90 "the data file reached the second instance" same_file
echo "synced: both sides have data.ron"

# The two laptops go offline (each instance stops talking to the other), and both save at
# the same moment, from two different notices; each instance scans its own change. (With
# both online, a save made in the very instant the other side's version arrives can be
# overwritten by Syncthing itself: seen once while writing this script, the edit then
# only in Syncthing's temporary file. Offline, the conflict is Syncthing's to record.)
rest() { # SIDE METHOD PATH
    local key
    key="$(python3 -c 'import sys,xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().find("gui/apikey").text)' "$work/$1/home/config.xml")"
    curl -fsS -X "$2" -H "X-API-Key: $key" "http://127.0.0.1:${gui[$1]}$3" >/dev/null
}
rest a POST "/rest/system/pause?device=$id_b"
rest b POST "/rest/system/pause?device=$id_a"
desk a intake "$notices/01-numbered.txt" --into "$work/a/share/data.ron" >"$work/a/intake.txt" &
first=$!
desk b intake "$notices/02-unit-lettered.txt" --into "$work/b/share/data.ron" >"$work/b/intake.txt" &
second=$!
wait "$first" "$second"
echo "saved on both sides: $(head -1 "$work/a/intake.txt") | $(head -1 "$work/b/intake.txt")"
rest a POST "/rest/db/scan?folder=industry-desk"
rest b POST "/rest/db/scan?folder=industry-desk"
rest a POST "/rest/system/resume?device=$id_b"
rest b POST "/rest/system/resume?device=$id_a"
echo "back online"

conflict_copy() { ls "$work/a/share" | grep -E '^data\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}\.ron$' >/dev/null; }
wait_for 120 "Syncthing made a conflict copy of data.ron" conflict_copy
copy="$(ls "$work/a/share" | grep -E '^data\.sync-conflict-.*\.ron$' | head -1)"
echo "Syncthing's conflict copy: $copy"

listed="$(desk a --lang en conflicts "$work/a/share/data.ron")"
echo "$listed"
grep -qF "$copy" <<<"$listed" || { echo "FAIL: industry-desk conflicts does not list $copy" >&2; exit 1; }

# The merge on the first machine: its store knows the version both started from.
before="$(sha256sum "$work/a/share/data.ron" "$work/a/share/$copy")"
merge_out="$(desk a --lang en merge "$work/a/share/data.ron" "$work/a/share/$copy" -o "$work/merged.ron")" \
    || { echo "$merge_out"; echo "FAIL: the merge did not succeed" >&2; exit 1; }
echo "$merge_out"
grep -q "^Common version: " <<<"$merge_out" || { echo "FAIL: no common version found" >&2; exit 1; }
[ "$before" = "$(sha256sum "$work/a/share/data.ron" "$work/a/share/$copy")" ] \
    || { echo "FAIL: the merge changed its inputs" >&2; exit 1; }
desk a check "$work/merged.ron"

# Every directive of both notices is in the merge (the texts as the notices word them).
python3 - "$work/merged.ron" "$notices/01-numbered.json" "$notices/02-unit-lettered.json" <<'EOF'
import json, sys
merged = open(sys.argv[1], encoding="utf-8").read()
missing = []
for notice in sys.argv[2:]:
    for directive in json.load(open(notice, encoding="utf-8"))["directives"]:
        text = directive["text"].replace("\\", "\\\\").replace('"', '\\"')
        if f'"{text}"' not in merged:
            missing.append(directive["text"])
if missing:
    sys.exit("FAIL: missing from the merge: " + "; ".join(missing))
print("the merge holds every directive of both notices")
EOF
cleanup
if [ -z "$keep" ]; then rm -rf "$work"; work="(removed)"; fi
echo "OK: a real Syncthing conflict found and merged (folders: $work)"
