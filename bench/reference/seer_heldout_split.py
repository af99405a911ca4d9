"""Rebuild the held-out table of the README's CTGAN comparison from the public SEER breast-cancer table.

Usage: python3 seer_heldout_split.py "SEER Breast Cancer Dataset .csv" OUT_DIR

The input is the 4,024-patient SEER table (2006-2010) as published on IEEE Dataport (Teng, 2019). The copy used is
the file of that name in the public GitHub repository aminesk12/SEED-Breast-Cancer-Model (commit 8ebb44b); it repeats
the table after a second header and has one truncated line. Identical lines are read once, truncated lines are left
out and named: 4,023 distinct complete rows. Writes OUT_DIR/train.csv (880 rows) and OUT_DIR/holdout.csv (220 rows)
with the preset's column names: 1,100 patients drawn with seed 20261205, grade I-III (IV left empty), size in
millimetres and its class, nodes examined and positive, ER and PR. Patients with a size outside 1-200 mm or more
positive than examined nodes are left out (none in that copy). Another wording of the grades or another row count
stops it.
"""
import csv
import os
import random
import sys

GRADES = (("Grade III", "3"), ("Grade IV", ""), ("Grade II", "2"), ("Grade I", "1"))
COLUMNS = ["sbr_grade", "tumor_size_mm", "tumor_size_category", "lymph_nodes_taken", "lymph_nodes_affected",
           "er_status", "pr_status"]


def grade(text):
    code = next((code for words, code in GRADES if words in text), None)
    if code is None:
        raise ValueError(f"unknown grade {text!r}: this script reads the IEEE Dataport wording ('... Grade II')")
    return code


def size_class(mm):
    return "<=20" if mm <= 20 else "20-50" if mm <= 50 else ">50"


def main(source, out_dir):
    with open(source, newline="", encoding="utf-8-sig") as f:
        lines = f.read().splitlines()
    header = next(csv.reader([lines[0]]))
    column = {name.strip(): i for i, name in enumerate(header)}
    seen, patients, short = set(), [], []
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith("Age,") or line in seen or not line.strip():
            continue
        seen.add(line)
        row = next(csv.reader([line]))
        if len(row) != len(header):
            short.append(number)
            continue
        size = int(row[column["Tumor Size"]])
        taken = int(row[column["Regional Node Examined"]])
        affected = int(row[column["Reginol Node Positive"]])
        if not 1 <= size <= 200 or affected > taken:
            continue
        patients.append([grade(row[column["Grade"]]), str(size), size_class(size), str(taken), str(affected),
                         row[column["Estrogen Status"]].strip().lower(), row[column["Progesterone Status"]].strip().lower()])
    if short:
        print(f"left out {len(short)} truncated line(s): {short}", file=sys.stderr)
    if len(patients) != 4023:
        raise ValueError(f"{len(patients)} patients kept where the copy used had 4,023: another version of the table")
    random.seed(20261205)
    random.shuffle(patients)
    drawn = patients[:1100]
    os.makedirs(out_dir, exist_ok=True)
    for name, part in (("train", drawn[:880]), ("holdout", drawn[880:])):
        with open(f"{out_dir}/{name}.csv", "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(COLUMNS)
            writer.writerows(part)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
