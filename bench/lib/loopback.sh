# Shell helpers the loopback benchmarks share (source it): a free TCP port, the bytes of the
# changesets an index keeps, and xapian-replicate-server started on a folder of databases.

# A TCP port free on 127.0.0.1 now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Bytes of the changeset files under DIR (an index, or a data dir): none unless the writer ran
# with XAPIAN_MAX_CHANGESETS set; what xapian-replicate ships to a replica that was up to date.
changeset_bytes() { find "$1" -name 'changes*' -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }

# Starts xapian-replicate-server on PORT serving every database under DIR, logging to LOG, in
# its own session (on SIGTERM Xapian's TCP servers signal their whole process group); returns
# when it accepts connections and prints its pid: pid=$(start_replicate_server PORT DIR LOG).
start_replicate_server() {  # PORT DIR LOG
  setsid xapian-replicate-server --port "$1" --interface 127.0.0.1 "$2" >"$3" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && break; sleep 0.1; done
  echo "$pid"
}
