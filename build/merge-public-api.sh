#!/usr/bin/env bash
# Git merge driver for PublicAPI.*.txt: union of both sides without duplicate lines.
# Enable once per clone: git config merge.publicapi.driver 'build/merge-public-api.sh %O %A %B'
set -eu
base=$1 ours=$2 theirs=$3
git merge-file --union -p "$ours" "$base" "$theirs" | awk 'NR==1 || !seen[$0]++' > "$ours.merged"
mv "$ours.merged" "$ours"
