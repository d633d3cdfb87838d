// Command cacheprog is a GOCACHEPROG program for GoEnv's tests: a "remote" build cache kept in a directory.
//
// It speaks the protocol of cmd/go/internal/cacheprog (Go 1.24+) as cmd/go/internal/cache/prog.go drives it:
// announce the known commands at once (a Response with ID 0), then answer every Request on stdin with a
// Response on stdout carrying the same ID. A "put" with BodySize > 0 is followed by the body as a base64 JSON
// string. Every request is appended to the -log file ("get <action> hit|miss", "put <action>", "close") so
// tests can tell what Go asked for and what the cache served.
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// request and response carry the fields of cacheprog.Request and cacheprog.Response this program uses.
type request struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

type response struct {
	ID            int64
	Err           string     `json:",omitempty"`
	KnownCommands []string   `json:",omitempty"`
	Miss          bool       `json:",omitempty"`
	OutputID      []byte     `json:",omitempty"`
	Size          int64      `json:",omitempty"`
	Time          *time.Time `json:",omitempty"`
	DiskPath      string     `json:",omitempty"`
}

// entry is what the cache keeps per action ID, next to the output's body.
type entry struct {
	OutputID []byte
	Size     int64
	Time     time.Time
}

func main() {
	dir := flag.String("dir", "", "directory that holds the cache (required)")
	logFile := flag.String("log", "", "file to append one line per request to")
	failHandshake := flag.Bool("fail-handshake", false, "exit 1 before announcing the known commands")
	flag.Parse()
	if *failHandshake {
		fmt.Fprintln(os.Stderr, "cacheprog: exiting before the handshake (-fail-handshake)")
		os.Exit(1)
	}
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "cacheprog: -dir is required")
		os.Exit(2)
	}
	root, err := filepath.Abs(*dir)
	if err == nil {
		err = os.MkdirAll(root, 0o777)
	}
	log := io.Discard
	if err == nil && *logFile != "" {
		log, err = os.OpenFile(*logFile, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o666)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "cacheprog:", err)
		os.Exit(1)
	}

	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	reply := func(r *response) {
		enc.Encode(r)
		out.Flush()
	}
	reply(&response{ID: 0, KnownCommands: []string{"get", "put", "close"}})

	dec := json.NewDecoder(bufio.NewReader(os.Stdin))
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			// End of input without "close": cmd/go closes stdin after close, and GoEnv right after the handshake.
			if !errors.Is(err, io.EOF) {
				fmt.Fprintln(os.Stderr, "cacheprog: reading a request:", err)
				os.Exit(1)
			}
			return
		}
		var body []byte
		if req.Command == "put" && req.BodySize > 0 {
			// The body is one JSON string; encoding/json decodes base64 into a []byte.
			if err := dec.Decode(&body); err != nil {
				fmt.Fprintln(os.Stderr, "cacheprog: reading a put body:", err)
				os.Exit(1)
			}
		}
		res := &response{ID: req.ID}
		var line string
		switch req.Command {
		case "get":
			line = "get " + hex.EncodeToString(req.ActionID) + " " + get(root, req, res)
		case "put":
			line = "put " + hex.EncodeToString(req.ActionID)
			put(root, req, body, res)
		case "close":
			line = "close"
		default:
			line = "unknown " + req.Command
			res.Err = "unknown command " + req.Command
		}
		fmt.Fprintln(log, line)
		reply(res)
		if req.Command == "close" {
			return
		}
	}
}

// get fills res from the entry of req.ActionID and says whether it was a hit or a miss.
func get(root string, req request, res *response) string {
	data, err := os.ReadFile(filepath.Join(root, "a-"+hex.EncodeToString(req.ActionID)))
	var e entry
	if err == nil {
		err = json.Unmarshal(data, &e)
	}
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			res.Err = err.Error()
		}
		res.Miss = true
		return "miss"
	}
	path := filepath.Join(root, "o-"+hex.EncodeToString(e.OutputID))
	if info, err := os.Stat(path); err != nil || info.Size() != e.Size {
		res.Miss = true
		return "miss"
	}
	res.OutputID, res.Size, res.Time, res.DiskPath = e.OutputID, e.Size, &e.Time, path
	return "hit"
}

// put stores the body under its output ID and the entry under the action ID (the body first, so a get never
// finds an entry without its body); DiskPath names the body, as cmd/go requires.
func put(root string, req request, body []byte, res *response) {
	if int64(len(body)) != req.BodySize {
		res.Err = fmt.Sprintf("body has %d bytes, BodySize says %d", len(body), req.BodySize)
		return
	}
	path := filepath.Join(root, "o-"+hex.EncodeToString(req.OutputID))
	data, _ := json.Marshal(entry{OutputID: req.OutputID, Size: req.BodySize, Time: time.Now()})
	if err := writeFile(path, body); err != nil {
		res.Err = err.Error()
	} else if err := writeFile(filepath.Join(root, "a-"+hex.EncodeToString(req.ActionID)), data); err != nil {
		res.Err = err.Error()
	} else {
		res.DiskPath = path
	}
}

// writeFile replaces path atomically: a concurrent go command never reads half a file.
func writeFile(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
