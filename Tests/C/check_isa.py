"""The library never runs an instruction the CPU may lack.

libactivations.so holds the kernels three times: built for the x86-64
baseline (SSE2, module Activations), for x86-64-v3 (AVX2 + FMA, module
KernelsAVX2) and for x86-64-v4 (AVX-512 F/BW/DQ/VL, module KernelsAVX512),
each chosen at run time only on CPUs that have it. This check disassembles
the library and fails when a function uses

  * AVX-512 -- a zmm register, a mask register, an embedded broadcast, a
    vector register above 15 or an EVEX-only mnemonic -- and is neither
    part of the AVX-512 build nor reached only from it, or
  * AVX -- a VEX/EVEX-encoded (v-prefixed) mnemonic or a ymm register --
    and is neither part of one of the two AVX builds nor reached only from
    them.

"Reached only from" means: every call or jump to it, and every instruction
that takes its address (a protocol witness passing a C shim on), comes from
that build, and it is not an exported act_* function (a helper emitted once
per module, such as an inlined C shim kept out of line). A generic
specialization shared by two builds would be emitted once and used by both,
which is the failure this guards against.

    python3 Tests/C/check_isa.py .build/release/libactivations.so
"""

import re
import subprocess
import sys

AVX2_MODULE = "KernelsAVX2"
AVX512_MODULE = "KernelsAVX512"
AVX = re.compile(r"\tv[a-z0-9]+\s|%ymm")
AVX512 = re.compile(
    r"%zmm|%k[0-7]|\{1to|%[xy]mm(?:1[6-9]|2[0-9]|3[01])\b"
    r"|\tv(?:pternlog|permt2|permi2|scalef|rcp14|rsqrt14|fixupimm|getexp|getmant|reduce|rndscale|range"
    r"|pcompress|compress|pexpand|expand|pmov[a-z]*2m|pmovm2|cvt[a-z0-9]*2u|cvtt[a-z0-9]*2u|cvtu|pro[lr]|blendm"
    r"|pblendm|cvtps2qq|cvtpd2qq|cvtqq2|cvttps2qq|cvttpd2qq|pmovq|pmovd[bw]|pmovwb|pmovs(?!x)|pmovus|pabsq|pmaxsq"
    r"|pminsq|pmaxuq|pminuq|psraq|pmullq|dbpsadbw|fpclass|pconflict|plzcnt|extract[fi]64x|insert[fi]64x"
    r"|broadcast[fi]32x[248]|broadcast[fi]64x[24])[a-z0-9]*\s"
)
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


def in_avx512_build(name):
    return AVX512_MODULE in name


def in_avx_build(name):
    return AVX2_MODULE in name or AVX512_MODULE in name


def main(path):
    table = functions(path)
    callers = {}
    for address, (name, lines) in table.items():
        for line in lines:
            branch = BRANCH.search(line) or REFERENCE.search(line)
            if branch:
                callers.setdefault(int(branch.group(1), 16), set()).add(address)

    def outside(address, inside):
        """Why the function at address is reachable from outside `inside`, or None."""
        name = table[address][0]
        strangers = [table[c][0] for c in callers.get(address, ()) if c != address and not inside(table[c][0])]
        if strangers:
            return f"called from {strangers[:3]}"
        if name.startswith("act_") or address not in callers:
            return "reachable from outside the build"
        return None

    failures = []
    helpers = {"AVX-512": 0, "AVX": 0}
    for address, (name, lines) in table.items():
        text = "\n".join(lines)
        if AVX512.search(text):
            if not in_avx512_build(name):
                why = outside(address, in_avx512_build)
                if why:
                    failures.append(f"{name} (0x{address:x}) uses AVX-512 and is {why}")
                helpers["AVX-512"] += 1
        elif AVX.search(text) and not in_avx_build(name):
            why = outside(address, in_avx_build)
            if why:
                failures.append(f"{name} (0x{address:x}) uses AVX instructions and is {why}")
            helpers["AVX"] += 1
    avx2 = sum(1 for name, _ in table.values() if AVX2_MODULE in name)
    avx512 = sum(1 for name, _ in table.values() if in_avx512_build(name))
    zmm = sum(1 for name, lines in table.values() if in_avx512_build(name) and "%zmm" in "\n".join(lines))
    avx2_zmm = [name for name, lines in table.values() if AVX2_MODULE in name and AVX512.search("\n".join(lines))]
    for name in avx2_zmm:
        failures.append(f"{name} is in the AVX2 build and uses AVX-512")
    if avx512 and not zmm:
        failures.append("no function of the AVX-512 build uses a zmm register: it was not built for x86-64-v4")
    for failure in failures:
        print("not ok -", failure)
    print(
        f"isa check: {len(table)} functions, {avx2} in the AVX2 build, {avx512} in the AVX-512 build "
        f"({zmm} with zmm code); outside them {helpers['AVX']} with AVX and {helpers['AVX-512']} with AVX-512 "
        "code, each reached only from its build: " + ("ok" if not failures else f"{len(failures)} FAILURES")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
