"""SDV's CTGAN (the reference) fitted on a PathoSynth training split, sampled like SDV does.

Usage: ctgan_reference.py THREADS TRAIN.csv OUT.csv EPOCHS SEED

Numeric columns are filled with their mean for training and given back their share of missing cells, their bounds
and their integer rounding on sampling; rows with more affected than taken lymph nodes are rejected and drawn again
(SDV's reject sampling). Prints the fit time in seconds. See README.md beside it for the setup.
"""
import sys, random, time
import numpy as np, pandas as pd, torch
from ctgan import CTGAN
threads, train, out, epochs, seed = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
torch.set_num_threads(threads)
NUMERIC = ['tumor_size_mm', 'lymph_nodes_taken', 'lymph_nodes_affected', 'ki67_percent']
df = pd.read_csv(train, dtype=str, keep_default_na=False)
num = [c for c in df.columns if c in NUMERIC]
cat = [c for c in df.columns if c not in NUMERIC]
stats = {}
for c in num:
    v = pd.to_numeric(df[c].replace('', np.nan))
    stats[c] = dict(null=v.isna().mean(), mean=v.mean(), lo=v.min(), hi=v.max(),
                    integer=bool(v.dropna().apply(lambda x: float(x).is_integer()).all()))
    df[c] = v.fillna(v.mean())
for c in cat:
    df[c] = df[c].replace('', '__nan__')
random.seed(seed); np.random.seed(seed); torch.manual_seed(seed)
m = CTGAN(epochs=epochs)
m.set_random_state(seed)
t = time.time()
m.fit(df, discrete_columns=cat)
fit = time.time() - t
rng = np.random.default_rng(seed)
def post(s):
    for c in num:
        st = stats[c]
        v = s[c].astype(float).clip(st['lo'], st['hi'])
        if st['integer']:
            v = v.round()
        v = v.astype(object)
        v[rng.random(len(v)) < st['null']] = ''
        s[c] = [('' if x == '' else (str(int(x)) if st['integer'] else repr(float(x)))) for x in v]
    for c in cat:
        s[c] = s[c].replace('__nan__', '')
    return s
def valid(s):
    if 'lymph_nodes_taken' not in s or 'lymph_nodes_affected' not in s:
        return s
    a = pd.to_numeric(s['lymph_nodes_affected'].replace('', np.nan)); t = pd.to_numeric(s['lymph_nodes_taken'].replace('', np.nan))
    return s[~(a > t)]
# SDV-style reject sampling: keep drawing until len(df) rows keep lymph_nodes_affected <= lymph_nodes_taken
parts, kept, drawn = [], 0, 0
while kept < len(df):
    b = valid(post(m.sample(len(df))))
    drawn += len(df)
    parts.append(b); kept += len(b)
s = pd.concat(parts).iloc[:len(df)]
print(f"rejected {drawn - kept} of {drawn}")
s.to_csv(out, index=False)
print(f"fit_seconds {fit:.1f}")
