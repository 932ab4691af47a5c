"""The library never runs an instruction the CPU may lack.

libactivations.so holds the elementwise kernels twice: built for the x86-64
baseline (SSE2, module Activations) and for x86-64-v3 (AVX2 + FMA, module
KernelsAVX2), the latter chosen at run time only on CPUs that have it. This
check disassembles the library and fails when

  * a function that is not part of the AVX2 build uses a VEX/EVEX-encoded
    instruction (v-prefixed mnemonic) or a ymm/zmm/mask register, unless
    every call or jump to it, and every instruction that takes its address
    (a protocol witness passing a C shim on), comes from the AVX2 build (a
    helper emitted once per module, such as an inlined C shim kept out of
    line), or
  * any function uses AVX-512 (zmm or mask registers), which no build of
    the library targets.

A generic specialization shared by both builds would be emitted once and
used by both, which is the failure this guards against.

    python3 Tests/C/check_isa.py .build/release/libactivations.so
"""

import re
import subprocess
import sys

AVX2_MODULE = "KernelsAVX2"
WIDE = re.compile(r"\tv[a-z0-9]+\s|%ymm|%zmm|%k[0-7]")
AVX512 = re.compile(r"%zmm|%k[0-7]|\{1to")
HEADER = re.compile(r"^([0-9a-f]+) <(.+)>:$")
BRANCH = re.compile(r"\t(?:call|jmp|j[a-z]+)\s+([0-9a-f]+) <")
# A RIP-relative operand, which objdump annotates "# ADDRESS <name>" (lea of a function).
REFERENCE = re.compile(r"#\s+([0-9a-f]+) <")


def functions(path):
    """{address: (name, [instruction lines])} from objdump."""
    listing = subprocess.run(
        ["objdump", "-d", "--no-show-raw-insn", path], check=True, capture_output=True, text=True
    ).stdout
    result, current = {}, None
    for line in listing.splitlines():
        match = HEADER.match(line)
        if match:
            current = int(match.group(1), 16)
            result[current] = (match.group(2), [])
        elif current is not None and line.strip():
            result[current][1].append(line)
    return result


def in_avx2_build(name):
    return AVX2_MODULE in name


def main(path):
    table = functions(path)
    callers = {}
    for address, (name, lines) in table.items():
        for line in lines:
            branch = BRANCH.search(line) or REFERENCE.search(line)
            if branch:
                callers.setdefault(int(branch.group(1), 16), set()).add(address)
    failures = []
    wide_count = 0
    for address, (name, lines) in table.items():
        text = "\n".join(lines)
        if AVX512.search(text):
            failures.append(f"{name} uses AVX-512")
        if in_avx2_build(name) or not WIDE.search(text):
            continue
        wide_count += 1
        outside = [table[c][0] for c in callers.get(address, ()) if c != address and not in_avx2_build(table[c][0])]
        if name.startswith("act_") or outside or address not in callers:
            where = f"called from {outside[:3]}" if outside else "reachable from outside the AVX2 build"
            failures.append(f"{name} (0x{address:x}) uses AVX instructions and is {where}")
    avx2 = sum(1 for name, _ in table.values() if in_avx2_build(name))
    for failure in failures:
        print("not ok -", failure)
    print(
        f"isa check: {len(table)} functions, {avx2} in the AVX2 build, "
        f"{wide_count} other functions with AVX code (each reached only from the AVX2 build): "
        + ("ok" if not failures else f"{len(failures)} FAILURES")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
