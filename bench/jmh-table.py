"""Turns FacadeBench's JMH CSV into the Markdown rows of docs/performance.md (pairs and ratios)."""
import csv
import sys

rows = {}
with open(sys.argv[1], newline="") as f:
    for r in csv.DictReader(f):
        name = r["Benchmark"].rsplit(".", 1)[1]
        rows[(name, r.get("Param: trace") or "")] = (float(r["Score"]), float(r["Score Error (99.9%)"] or "nan"))


def cell(key):
    score, err = rows[key]
    return f"{score:.1f} ± {err:.1f}"


PAIRS = [
    ("HTTP GET 1 KiB (nginx)", ("httpGetNetkit", "none"), ("httpGetOkHttp", ""), "OkHttp"),
    ("FTP LIST + RETR 1 KiB (vsftpd)", ("ftpListRetrieveNetkit", ""), ("ftpListRetrieveCommonsNet", ""), "Commons Net"),
    ("Gopher text (gophernicus)", ("gopherTextNetkit", "none"), ("gopherTextRawSocket", ""), "raw Socket"),
    ("NNTP ARTICLE (INN)", ("nntpArticleNetkit", ""), ("nntpArticleRawSocket", ""), "raw Socket"),
    ("IMAP fetch of a 4 KiB message, open connection (Dovecot)", ("imapFetchNetkit", ""), ("imapFetchAngus", ""), "Angus Mail"),
    ("SMTP send of a new 4 KiB mail, open connection (testkit)", ("smtpSendNetkit", ""), ("smtpSendAngus", ""), "Angus Mail"),
]
print("| workload | netkit us/op | baseline | baseline us/op | netkit / baseline (target <= 1.05) |")
print("|---|---|---|---|---|")
for label, ours, base, base_name in PAIRS:
    if ours in rows and base in rows:
        print(f"| {label} | {cell(ours)} | {base_name} | {cell(base)} | {rows[ours][0] / rows[base][0]:.2f} |")
print()
print("| tracing | no sink us/op | discarding sink us/op | discard / none (target: 1.0 within noise) |")
print("|---|---|---|---|")
for label, name in [("HTTP GET 1 KiB", "httpGetNetkit"), ("Gopher text", "gopherTextNetkit")]:
    none, discard = (name, "none"), (name, "discard")
    if none in rows and discard in rows:
        print(f"| {label} | {cell(none)} | {cell(discard)} | {rows[discard][0] / rows[none][0]:.2f} |")
