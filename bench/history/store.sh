# Sourced by bench/history.sh: a cache store as actions/cache keeps one, simulated in a directory.
# One archive per key, <key>.tar.zst, made as actions/cache makes it on Linux (tar --posix, zstd -T0 --long=30, level
# 3), its modification time set from a counter so that "newest" means "created last" even within one second.
# An index.tsv beside the archives records: creation number, key, family (the scheme's most general restore prefix,
# to size a store that keeps only the newest archive of each) and bytes.
#
# cache_restore STORE ROOT KEY [RESTORE-KEY…]: the archive whose key is KEY, else the newest whose key starts with the
#   first RESTORE-KEY that any key starts with, extracted under ROOT. Sets hit_kind (exact|prefix|miss), hit_key and
#   hit_bytes (the archive's size, 0 on a miss).
# cache_save STORE KEY FAMILY ROOT PATH…: archives PATHs (relative to ROOT) as KEY, unless KEY exists (the cache
#   service refuses a second save of a key: "Unable to reserve cache"). Sets saved_bytes (0 when nothing was saved).

cache_restore() {
  local store=$1 root=$2 key=$3 prefix
  shift 3
  hit_kind=miss hit_key= hit_bytes=0
  if [ -f "$store/$key.tar.zst" ]; then
    hit_kind=exact hit_key=$key
  else
    for prefix in "$@"; do
      hit_key=$(awk -F'\t' -v p="$prefix" 'index($2, p) == 1 { k = $2 } END { if (k != "") print k }' "$store/index.tsv" 2>/dev/null || true)
      if [ -n "$hit_key" ]; then
        hit_kind=prefix
        break
      fi
    done
  fi
  [ -n "$hit_key" ] || return 0
  hit_bytes=$(stat -c %s "$store/$hit_key.tar.zst")
  mkdir -p "$root"
  zstd -d -q --long=30 -c "$store/$hit_key.tar.zst" | tar -xf - -P -C "$root"
}

cache_save() {
  local store=$1 key=$2 family=$3 root=$4 seq
  shift 4
  saved_bytes=0
  mkdir -p "$store"
  [ ! -f "$store/$key.tar.zst" ] || return 0
  tar --posix -cf - -P -C "$root" "$@" | zstd -q -T0 --long=30 -3 -o "$store/$key.tar.zst.part"
  mv "$store/$key.tar.zst.part" "$store/$key.tar.zst"
  touch "$store/index.tsv"
  seq=$(( $(wc -l < "$store/index.tsv") + 1 ))
  touch -d "@$(( 1767225600 + seq ))" "$store/$key.tar.zst"
  saved_bytes=$(stat -c %s "$store/$key.tar.zst")
  printf '%s\t%s\t%s\t%s\n' "$seq" "$key" "$family" "$saved_bytes" >> "$store/index.tsv"
}
