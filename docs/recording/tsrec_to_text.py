#!/usr/bin/env python3
"""Prints a Tickscope recording (Watchlist > Record) as text, one record after another.

Needs only Python's standard library and protoc. A recording is a sequence of
tickscope.recording.v1.RecordedPriceUpdate messages, each preceded by its length
as a varint (protobuf's delimited format). Putting the byte 0x0A (field 1,
length-delimited) before each record makes the file the encoding of
"message Recording { repeated RecordedPriceUpdate records = 1; }", which protoc
decodes in one go.

    python3 docs/recording/tsrec_to_text.py stream.tsrec | head -40
"""
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
WRAPPER = """syntax = "proto3";
package tsrec;
import "tickscope/recording/v1/recorded_price_update.proto";
message Recording { repeated tickscope.recording.v1.RecordedPriceUpdate records = 1; }
"""


def records(data):
    """Yields the bytes of each length-delimited record."""
    position = 0
    while position < len(data):
        length, shift = 0, 0
        while True:
            byte = data[position]
            position += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        yield data[position:position + length]
        position += length


def main(path, *include_paths):
    data = pathlib.Path(path).read_bytes()
    wrapped = bytearray()
    for record in records(data):
        wrapped += b"\x0a" + encode_varint(len(record)) + record
    with tempfile.TemporaryDirectory() as scratch:
        (pathlib.Path(scratch) / "tsrec.proto").write_text(WRAPPER)
        includes = [scratch, str(ROOT / "proto/src/main/proto"), *include_paths]
        command = ["protoc", *("-I" + include for include in includes), "--decode=tsrec.Recording", "tsrec.proto"]
        sys.stdout.write(subprocess.run(command, input=bytes(wrapped), capture_output=True, check=True).stdout.decode())


def encode_varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: tsrec_to_text.py RECORDING [PROTO_INCLUDE_DIR...]")
    main(*sys.argv[1:])
