"""Turns the suite's measurements into the markdown table and the plot.

Medians only (a burst of background load moves a mean, rarely a median).
Ratios are of median wall times: "speedup" = T_serial / T, "T/T_omp" and
"T/T_tbb" = T / T of the hand-written variant at the same thread count
(below 1: purecc is faster). The plot shows speedup over serial against the
thread count, one panel per program, with the ideal line.
"""
import os
import shutil
import statistics
import subprocess

med = statistics.median


def _fmt(x, digits=2):
    return "-" if x is None else "%.*f" % (digits, x)


def _wall(samples, key):
    xs = samples.get(key)
    return med(s.wall for s in xs) if xs else None


def _cpu(samples, key):
    xs = samples.get(key)
    return med(s.cpu for s in xs) if xs else None


def _ratio(a, b):
    return a / b if a is not None and b not in (None, 0) else None


def summary_table(programs, sizes, samples, threads, rewrites, checks):
    P = max(threads)
    rows = ["| program | size | purecc rewrite | serial (s) | purecc T1/Tserial "
            "| speedup @%d: purecc | omp | tbb | purecc T/T_omp @%d | purecc T/T_tbb @%d | results |" % (P, P, P),
            "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for p in programs:
        ser = _wall(samples, (p.name, "serial", 1))
        pc1 = _wall(samples, (p.name, "purecc", 1))
        sp = {v: _ratio(ser, _wall(samples, (p.name, v, P))) for v in ("purecc", "omp", "tbb")}
        pcP = _wall(samples, (p.name, "purecc", P))
        rows.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            p.name, f"{sizes[p.name]:,}", rewrites[p.name].status(), _fmt(ser, 3),
            _fmt(_ratio(pc1, ser)), _fmt(sp["purecc"]), _fmt(sp["omp"]), _fmt(sp["tbb"]),
            _fmt(_ratio(pcP, _wall(samples, (p.name, "omp", P)))),
            _fmt(_ratio(pcP, _wall(samples, (p.name, "tbb", P)))), checks[p.name]))
    return "\n".join(rows) + "\n"


def detail_table(programs, samples, threads):
    rows = ["| program | variant | threads | median wall (s) | min-max (s) | speedup vs serial "
            "| T/T_omp | T/T_tbb | median CPU (s) | CPU vs serial |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for p in programs:
        ser = _wall(samples, (p.name, "serial", 1))
        ser_cpu = _cpu(samples, (p.name, "serial", 1))
        keys = [(p.name, "serial", 1)] + [(p.name, v, t) for v in ("purecc", "omp", "tbb")
                                          for t in threads]
        for key in keys:
            xs = samples.get(key)
            if not xs:
                continue
            _, v, t = key
            w, c = _wall(samples, key), _cpu(samples, key)
            vs_omp = _ratio(w, _wall(samples, (p.name, "omp", t))) if v in ("purecc", "tbb") else None
            vs_tbb = _ratio(w, _wall(samples, (p.name, "tbb", t))) if v == "purecc" else None
            rows.append("| %s | %s | %d | %.4f | %.4f-%.4f | %s | %s | %s | %.3f | %s |" % (
                p.name, v, t, w, min(s.wall for s in xs), max(s.wall for s in xs),
                _fmt(_ratio(ser, w)), _fmt(vs_omp), _fmt(vs_tbb), c, _fmt(_ratio(c, ser_cpu))))
    return "\n".join(rows) + "\n"


def plot(programs, samples, threads, data_dir, svg_path, title):
    """Writes svg_path with gnuplot; returns an error string or ""."""
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        return "gnuplot not found (bench/run.sh installs gnuplot-nox)"
    os.makedirs(data_dir, exist_ok=True)
    cols = (len(programs) + 1) // 2
    P = max(threads)
    script = ["set terminal svg size %d,620 dynamic font 'sans,11'" % (300 * cols),
              "set output '%s'" % svg_path,
              "set multiplot layout 2,%d title \"%s\"" % (cols, title.replace('"', "'")),
              "set key top left font ',9'", "set grid",
              "set xrange [1:%d]" % P,
              "set xtics 1", "set xlabel 'threads'", "set ylabel 'speedup vs serial'"]
    for p in programs:
        ser = _wall(samples, (p.name, "serial", 1))
        path = os.path.join(data_dir, p.name + ".dat")
        with open(path, "w") as f:
            f.write("# threads purecc omp tbb (speedup over serial; nan: not measured)\n")
            for t in threads:
                vals = [_ratio(ser, _wall(samples, (p.name, v, t))) for v in ("purecc", "omp", "tbb")]
                f.write("%d %s\n" % (t, " ".join("nan" if x is None else "%.4f" % x for x in vals)))
        top = max([P + 0.5] + [x for t in threads for x in
                               [_ratio(ser, _wall(samples, (p.name, v, t))) for v in ("purecc", "omp", "tbb")]
                               if x is not None])
        # A memoized program's speedup can be orders of magnitude: log scale.
        script += (["set logscale y", "set yrange [0.05:%g]" % (top * 2)] if top > 4 * P else
                   ["unset logscale y", "set yrange [0:%g]" % (top * 1.1)])
        script += ["set title '%s'" % p.name,
                   "plot x title 'ideal' with lines lw 1 lc rgb '#aaaaaa', "
                   "'%s' using 1:2 title 'purecc' with linespoints lw 2 lc rgb '#d62728', "
                   "'' using 1:3 title 'OpenMP' with linespoints lc rgb '#1f77b4', "
                   "'' using 1:4 title 'TBB' with linespoints lc rgb '#2ca02c'" % path]
    script.append("unset multiplot")
    gp = os.path.join(data_dir, "speedup.gp")
    with open(gp, "w") as f:
        f.write("\n".join(script) + "\n")
    proc = subprocess.run([gnuplot, gp], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return "" if proc.returncode == 0 else "gnuplot failed: " + proc.stderr.strip()[:200]
