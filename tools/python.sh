#!/bin/sh
# Which Python builds the course's .venv. The pinned set (binder/requirements.txt) installs on
# CPython 3.11, 3.12 and 3.13; Binder runs 3.11 (binder/runtime.txt).
#   sh tools/python.sh pick          print the newest supported interpreter on PATH:
#                                    python3.13, python3.12, python3.11, then python3
#   sh tools/python.sh version CMD   print CMD's X.Y if it is a supported CPython
#   sh tools/python.sh check CMD     exit 1 with a message saying what to install otherwise
# Only the shell and the interpreters are run: no network, no install, well under a second.
SUPPORTED="3.11 3.12 3.13"
PROBE='import platform, sys; print(platform.python_implementation(), "%d.%d" % sys.version_info[:2])'

# "CPython 3.13" for a working interpreter, nothing for a missing or broken one (pyenv shims of
# versions that are not enabled print an error and fail; they count as missing)
probe() { "$1" -c "$PROBE" 2>/dev/null; }

supported_version() {
  set -- $(probe "$1")
  [ "$1" = CPython ] || return 1
  case " $SUPPORTED " in *" $2 "*) echo "$2" ;; *) return 1 ;; esac
}

explain() {
  echo "No supported Python: the course runs on CPython 3.11, 3.12 or 3.13.$1" >&2
  echo "Install one, then run make again:" >&2
  echo "  Debian/Ubuntu: sudo apt install python3 python3-venv   (Debian 13: 3.13, Ubuntu 24.04: 3.12)" >&2
  echo "  conda:         conda create -n py313 python=3.13 && conda activate py313" >&2
  echo "or name one: make lab PYTHON=/path/to/python3.13" >&2
}

case "$1" in
  pick)
    for cmd in python3.13 python3.12 python3.11 python3; do
      if supported_version "$cmd" >/dev/null; then command -v "$cmd"; exit 0; fi
    done
    exit 1 ;;
  version)
    supported_version "$2" ;;
  check)
    if [ -z "$2" ]; then
      found=""
      for cmd in python3 python; do
        set -- $(probe "$cmd")
        [ -n "$1" ] && found="$found $cmd is $1 $2;"
      done
      explain "${found:+ Found:${found%;}.}"
      exit 1
    fi
    supported_version "$2" >/dev/null && exit 0
    set -- "$2" $(probe "$2")
    explain " $1 is ${2:+$2 $3}${2:-not a working Python}."
    exit 1 ;;
  *)
    echo "usage: sh tools/python.sh pick | version CMD | check CMD" >&2
    exit 2 ;;
esac
