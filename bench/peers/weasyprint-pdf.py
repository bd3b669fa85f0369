"""WeasyPrint in-process, warm: reads "render<TAB>file.xhtml<TAB>[out.pdf]" lines on stdin and
answers "<ms><TAB><bytes>" (parse, layout and PDF of the file, as one call)."""
import sys
import time

from weasyprint import HTML

print("ready", flush=True)
for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if parts[0] != "render":
        break
    start = time.perf_counter()
    pdf = HTML(filename=parts[1]).write_pdf()
    ms = (time.perf_counter() - start) * 1000
    if len(parts) > 2 and parts[2]:
        with open(parts[2], "wb") as out:
            out.write(pdf)
    print(f"{ms:.2f}\t{len(pdf)}", flush=True)
