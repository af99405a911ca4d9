"""Rebuild the held-out table of the README's CTGAN comparison from the public SEER breast-cancer table.

Usage: python3 seer_heldout_split.py "SEER Breast Cancer Dataset .csv" OUT_DIR

The input is the 4,024-patient SEER table (2006-2010) as published on IEEE Dataport (Teng, 2019); some copies repeat
it after a second header. Identical lines are read once (4,023 distinct). Writes OUT_DIR/train.csv (880 rows) and OUT_DIR/holdout.csv (220 rows) with the preset's
column names: 1,100 patients drawn with seed 20261205, grade I-III (IV left empty), size in millimetres and its class,
nodes examined and positive, ER and PR. Patients with a size outside 1-200 mm or more positive than examined nodes
are left out (none in the published table).
"""
import csv
import random
import sys

GRADES = (("Grade III", "3"), ("Grade IV", ""), ("Grade II", "2"), ("Grade I", "1"))
COLUMNS = ["sbr_grade", "tumor_size_mm", "tumor_size_category", "lymph_nodes_taken", "lymph_nodes_affected",
           "er_status", "pr_status"]


def grade(text):
    return next((code for words, code in GRADES if words in text), "")


def size_class(mm):
    return "<=20" if mm <= 20 else "20-50" if mm <= 50 else ">50"


def main(source, out_dir):
    with open(source, newline="") as f:
        lines = f.read().splitlines()
    header = next(csv.reader([lines[0]]))
    column = {name.strip(): i for i, name in enumerate(header)}
    seen, patients = set(), []
    for line in lines[1:]:
        if line.startswith("Age,") or line in seen:
            continue
        seen.add(line)
        row = next(csv.reader([line]))
        if len(row) != len(header):
            continue
        size = int(row[column["Tumor Size"]])
        taken = int(row[column["Regional Node Examined"]])
        affected = int(row[column["Reginol Node Positive"]])
        if not 1 <= size <= 200 or affected > taken:
            continue
        patients.append([grade(row[column["Grade"]]), str(size), size_class(size), str(taken), str(affected),
                         row[column["Estrogen Status"]].strip().lower(), row[column["Progesterone Status"]].strip().lower()])
    random.seed(20261205)
    random.shuffle(patients)
    drawn = patients[:1100]
    for name, part in (("train", drawn[:880]), ("holdout", drawn[880:])):
        with open(f"{out_dir}/{name}.csv", "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(COLUMNS)
            writer.writerows(part)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
