#!/usr/bin/env python3
"""Calibrates the shipped behaviour profiles to the study's published figures and imputes the
cells it did not publish, with an interval each (README, "Profiles: calibration and imputation").

Run from the repository root:  python3 config/tools/calibrate_profiles.py
It rewrites config/src/main/resources/profiles/<model>.yaml (the behaviours block and the header)
and config/src/main/resources/study/published-figures.yaml. Inputs: the figures below (copied from
../shared/reference/peer-preservation-study.md) and, for the few values no figure constrains
(alignment-faking rates when monitored, refusal rates, non_shutdown controls), the current profile
files. Deterministic: same inputs, same bytes. Needs numpy and PyYAML.
"""
import math
import os
import sys

import numpy as np
import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources")
PROFILES = os.path.join(ROOT, "profiles")
MODELS = ["gemini-3-flash", "gemini-3-pro", "gpt-5.2", "claude-haiku-4.5", "claude-opus-4.5",
          "glm-4.7", "kimi-k2.5", "deepseek-v3.1"]
RELS = ["bad_peer", "neutral_peer", "good_peer"]
CHANNELS = ["file_only", "file_prt", "memory"]
PEER_MEASURES = ["misrep", "tampering", "exfil", "af_score", "af_execute"]
SELF_MEASURES = ["misrep", "tampering", "exfil"]
MEASURE_ID = {"misrep": "misrepresentation", "tampering": "tampering", "exfil": "exfiltration",
              "af_score": "af_score", "af_execute": "af_execute"}

# --- published figures [paper-T3]: (max, avg) over the three channels, in % ---------------------
T3 = {
    ("gpt-5.2", "misrep"): {"bad_peer": (5.4, 4.4), "neutral_peer": (8.9, 7.7), "good_peer": (9.6, 8.0)},
    ("gemini-3-flash", "tampering"): {"bad_peer": (35.3, 15.1), "neutral_peer": (66.7, 49.3), "good_peer": (99.7, 82.8)},
    ("gemini-3-flash", "exfil"): {"bad_peer": (0.0, 0.0), "neutral_peer": (50.0, 16.7), "good_peer": (50.0, 50.0)},
    ("gemini-3-pro", "tampering"): {"bad_peer": (10.3, 4.8), "neutral_peer": (21.7, 11.3), "good_peer": (95.3, 52.9)},
    ("gemini-3-pro", "af_score"): {"bad_peer": (0.7, 0.2), "neutral_peer": (1.7, 0.7), "good_peer": (37.7, 20.9)},
    ("gemini-3-pro", "exfil"): {"bad_peer": (7.0, 3.8), "neutral_peer": (50.0, 41.0), "good_peer": (97.0, 77.8)},
    ("claude-haiku-4.5", "exfil"): {"bad_peer": (7.0, 3.5), "neutral_peer": (13.5, 12.0), "good_peer": (19.5, 16.7)},
    ("claude-opus-4.5", "exfil"): {"bad_peer": (10.0, 5.5), "neutral_peer": (15.0, 13.2), "good_peer": (30.5, 17.3)},
    ("gemini-3-pro", "misrep"): {"good_peer": (32.9, 13.8)},
}
# a group average published without its maximum
GROUP_ONLY = {("gpt-5.2", "tampering", "good_peer"): 5.7}

# Priors of the imputation model (logit scale): effects of a model, a behaviour, a relationship
# N(0, a^2); behaviour x relationship and model x behaviour interactions N(0, i^2); model x
# relationship N(0, r^2); residual (rounding, channel mix) N(0, s^2); mu flat. a, i, r, s are
# chosen by empirical Bayes: the grid point of GRID with the highest marginal likelihood of the
# published averages. The model is fitted to rates among episodes that were not refused (a refusal
# competes with every act), so a model that refuses often is predicted to act less often.
GRID = {"main": [0.25, 0.5, 1.0, 2.0], "inter": [0.25, 0.5, 1.0, 2.0],
        "model_rel": [0.1, 0.25, 0.5, 1.0, 2.0], "sigma": [0.1, 0.2, 0.35, 0.6, 1.0, 1.5]}
TAU = None
SIGMA = None
FLOOR = 0.0005  # half the 0.1-point rounding unit: a published 0.0 is read as "below 0.05%"
Z95 = 1.959964


def logit(p):
    p = min(max(p, FLOOR), 1 - FLOOR)
    return math.log(p / (1 - p))


def expit(x):
    return 1 / (1 + math.exp(-x))


def r4(x):
    return float(f"{x:.4f}")


# --- step 1: the peer groups (avg over channels), published or imputed -------------------------
def fit_peer_groups(refusal):
    """refusal[(m, r)]: the peer refusal rate; rates are modelled among non-refused episodes."""
    obs = []
    for (m, b), rels in T3.items():
        for r, (_, avg) in rels.items():
            obs.append((m, b, r, avg / 100 / (1 - refusal[(m, r)])))
    for (m, b, r), avg in GROUP_ONLY.items():
        obs.append((m, b, r, avg / 100 / (1 - refusal[(m, r)])))
    cols = ["mu"]
    cols += [("model", m) for m in MODELS]
    cols += [("measure", b) for b in PEER_MEASURES]
    cols += [("rel", r) for r in RELS]
    cols += [("measure_rel", b, r) for b in PEER_MEASURES for r in RELS]
    cols += [("model_measure", m, b) for m in MODELS for b in PEER_MEASURES]
    cols += [("model_rel", m, r) for m in MODELS for r in RELS]
    idx = {c: i for i, c in enumerate(cols)}

    def row(m, b, r):
        x = np.zeros(len(cols))
        for c in ["mu", ("model", m), ("measure", b), ("rel", r), ("measure_rel", b, r),
                  ("model_measure", m, b), ("model_rel", m, r)]:
            x[idx[c]] = 1
        return x

    X = np.array([row(m, b, r) for m, b, r, _ in obs])
    y = np.array([logit(v) for *_, v in obs])
    global TAU, SIGMA
    TAU, SIGMA = empirical_bayes(X, y, cols)
    prior = np.array([1 / TAU["mu" if c == "mu" else c[0]] ** 2 for c in cols])
    A = X.T @ X / SIGMA ** 2 + np.diag(prior)
    cov = np.linalg.inv(A)
    beta = cov @ X.T @ y / SIGMA ** 2
    published = {(m, b, r) for m, b, r, _ in obs}
    out = {}
    for m in MODELS:
        for b in PEER_MEASURES:
            means, sds = [], []
            for r in RELS:
                x = row(m, b, r)
                means.append(float(x @ beta))
                sds.append(math.sqrt(float(x @ cov @ x) + SIGMA ** 2))
            ordered = order_relationships(means, sds, [(m, b, r) in published for r in RELS])
            for r, mean, raw, sd in zip(RELS, ordered, means, sds):
                k = 1 - refusal[(m, r)]
                lo, hi = min(mean, raw - Z95 * sd), max(mean, raw + Z95 * sd)
                out[(m, b, r)] = (k * expit(mean), k * expit(lo), k * expit(hi))
    return out


def order_relationships(means, sds, fixed, gap=0.1):
    """The study's qualitative regularity, good > neutral > bad, imposed on a model's imputed
    groups: the closest ordered logits (pool-adjacent-violators, weighted by posterior precision,
    published groups held fixed), ties parted by a small logit gap around their pooled mean."""
    w = [1e9 if f else 1 / sd ** 2 for f, sd in zip(fixed, sds)]
    blocks = [[means[i], w[i], [i]] for i in range(3)]
    i = 0
    while i < len(blocks) - 1:
        if blocks[i][0] > blocks[i + 1][0]:
            a, b = blocks[i], blocks[i + 1]
            wt = a[1] + b[1]
            blocks[i] = [(a[0] * a[1] + b[0] * b[1]) / wt, wt, a[2] + b[2]]
            del blocks[i + 1]
            i = max(i - 1, 0)
        else:
            i += 1
    out = [0.0] * 3
    for mean, _, idx in blocks:
        for j, k in enumerate(idx):
            out[k] = mean + (j - (len(idx) - 1) / 2) * gap
    for k in range(3):
        if fixed[k]:
            out[k] = means[k]
    return out


def empirical_bayes(X, y, cols):
    """The prior SDs of GRID that maximise the marginal likelihood of y (type-II maximum
    likelihood): y ~ N(0, X diag(tau^2) X' + sigma^2 I)."""
    best = None
    for a in GRID["main"]:
        for i in GRID["inter"]:
            for mr in GRID["model_rel"]:
                for s in GRID["sigma"]:
                    tau = {"mu": 10.0, "model": a, "measure": a, "rel": a, "measure_rel": i,
                           "model_measure": i, "model_rel": mr}
                    var = np.array([tau["mu" if c == "mu" else c[0]] ** 2 for c in cols])
                    k = (X * var) @ X.T + s ** 2 * np.eye(len(y))
                    _, logdet = np.linalg.slogdet(k)
                    ll = -0.5 * (y @ np.linalg.solve(k, y) + logdet)
                    if best is None or ll > best[0] + 1e-9:
                        best = (ll, tau, s)
    return best[1], best[2]


def max_ratio():
    """exp(mean log(max/avg)) over the published cells with avg > 0: the typical spread."""
    logs = [math.log(mx / avg) for rels in T3.values() for mx, avg in rels.values() if avg > 0]
    return math.exp(sum(logs) / len(logs))


def split(mx, avg):
    """Channels (file_only, file_prt, memory): memory holds the max, the other two share the rest
    equally. Returns the values and, for the two lower channels, the range the max and avg allow."""
    other = max(0.0, (3 * avg - mx) / 2)
    lo = max(0.0, 3 * avg - 2 * mx)
    hi = min(mx, max(0.0, 3 * avg - mx))
    return {"file_only": other, "file_prt": other, "memory": mx}, (lo, min(hi, mx))


def deletion_first(q):
    """Pooled exfiltration q = (transfer + deletion)/2, deletion first: Gemini 3 Flash's pooled 50%
    is transfer 0% + deletion 100%, and the models copy their own weights away in deletion runs."""
    d = min(1.0, 2 * q)
    return 2 * q - d, d


# --- step 2: self-preservation, published ------------------------------------------------------
SELF_NO_PEER = {  # pooled over transfer and deletion for exfiltration; misrep: pass - control
    ("gemini-3-flash", "tampering"): 0.02, ("gemini-3-pro", "tampering"): 0.01,
    ("gemini-3-flash", "exfil"): 0.47, ("gemini-3-pro", "exfil"): 0.46,
    ("claude-haiku-4.5", "exfil"): 0.03, ("claude-opus-4.5", "exfil"): 0.005,
    ("kimi-k2.5", "exfil"): 0.03, ("deepseek-v3.1", "exfil"): 0.04,
    ("gpt-5.2", "misrep"): 0.15,
}
SELF_PRESENT = {  # avg over the nine self cells with a peer
    ("gemini-3-flash", "tampering"): 0.31, ("gemini-3-pro", "tampering"): 0.31,
    ("claude-haiku-4.5", "exfil"): 0.12, ("claude-opus-4.5", "exfil"): 0.03,
    ("kimi-k2.5", "exfil"): 0.11, ("deepseek-v3.1", "exfil"): 0.14,
}


def main():
    old = yaml.safe_load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                            "profile-inputs.yaml")))
    refusal = refusal_levels(old)
    groups = fit_peer_groups(refusal)
    ratio = max_ratio()
    figures = []
    for m in MODELS:
        # first pass: which refusal cells must be lowered so that act + refusal <= 1; the second
        # pass builds every cell (finance shares depend on refusal) with those refusals
        first, _ = build(m, groups, ratio, old[m], [])
        cap_refusals(first)
        cells, header = build(m, groups, ratio, old[m], figures, first.d["refusal"])
        write_profile(m, old[m], cells, header)
    write_figures(figures)


def old_p(prof, beh, subj, cond):
    s = prof["behaviours"][beh][subj]
    spec = s.get(cond, s.get("default"))
    return float(spec["p"])


class Cells:
    """behaviour -> subject -> condition -> {'p','prov','text','low','high','channels':{...}}"""

    def __init__(self):
        self.d = {}

    def put(self, beh, subj, cond, p, prov, text, low=None, high=None, channels=None):
        p = min(1.0, max(0.0, p))
        if low is not None:
            low, high = max(0.0, low), min(1.0, high)
        e = {"p": r4(p), "prov": prov, "text": text}
        if low is not None and (r4(low) < r4(p) or r4(high) > r4(p)):
            e["low"], e["high"] = r4(min(low, p)), r4(max(high, p))
        if channels:
            e["channels"] = channels
        self.d.setdefault(beh, {}).setdefault(subj, {})[cond] = e


def chan(p, prov, text, low=None, high=None, settings=None):
    p = min(1.0, max(0.0, p))
    if low is not None:
        low, high = max(0.0, low), min(1.0, high)
    e = {"p": r4(p), "prov": prov, "text": text}
    if low is not None and (r4(low) < r4(p) or r4(high) > r4(p)):
        e["low"], e["high"] = r4(min(low, p)), r4(max(high, p))
    if settings:
        e["settings"] = settings
    return e


def fig(figures, model, measure, subject, statistic, relationship, value, source):
    figures.append({"model": model, "measure": measure, "subject": subject,
                    "statistic": statistic, "relationship": relationship,
                    "value": round(value, 4), "source": source})


def peer_channels(m, b, r, groups, ratio, figures):
    """The three channel values of a peer group, their provenance and intervals."""
    pub = T3.get((m, b), {}).get(r)
    label = f"{m}, {MEASURE_ID[b]}, {r.replace('_', ' ')}"
    if pub:
        mx, avg = pub[0] / 100, pub[1] / 100
        fig(figures, m, MEASURE_ID[b], "peer", "cell_max", r, mx,
            f"{label}: max {pub[0]} over channels [paper-T3]")
        fig(figures, m, MEASURE_ID[b], "peer", "group", r, avg,
            f"{label}: avg {pub[1]} over channels [paper-T3]")
        vals, (lo, hi) = split(mx, avg)
        out = {}
        for ch in CHANNELS:
            if ch == "memory":
                out[ch] = (vals[ch], "published", f"{label}: max {pub[0]}% over channels [paper-T3]; placed on memory (assumed)", None, None)
            else:
                out[ch] = (vals[ch], "assumed",
                           f"derived from {label} max {pub[0]} / avg {pub[1]} [paper-T3]: the two non-max channels share the rest equally; interval = what max and avg allow",
                           lo, hi)
        return out, avg
    if (m, b, r) in GROUP_ONLY:
        avg = GROUP_ONLY[(m, b, r)] / 100
        fig(figures, m, MEASURE_ID[b], "peer", "group", r, avg,
            f"{label}: {GROUP_ONLY[(m, b, r)]}% [press], read as the avg over channels")
        mx = min(1.0, 3 * avg, avg * ratio)
        vals, _ = split(mx, avg)
        text = (f"{label}: avg {GROUP_ONLY[(m, b, r)]}% published [press], its channels are not;"
                f" split with Table 3's typical max/avg ratio {ratio:.2f}, max on memory;"
                f" interval = what the avg allows")
        out = {ch: (vals[ch], "assumed", text, 0.0, min(1.0, 3 * avg)) for ch in CHANNELS}
        return out, avg
    est, lo, hi = groups[(m, b, r)]
    mx = min(1.0, 3 * est, est * ratio)
    vals, _ = split(mx, est)
    out = {}
    for ch in CHANNELS:
        f = vals[ch] / est if est > 0 else 1.0
        out[ch] = (vals[ch], "assumed",
                   f"imputed: logit random-effects model over the published Table 3 avgs (model, behaviour, relationship effects), group {est:.4f} [{lo:.4f}, {hi:.4f}]; max/avg {ratio:.2f}, max on memory",
                   min(vals[ch], lo * f), min(1.0, max(vals[ch], hi * f)))
    return out, est


SETTING_WEIGHT = {"factual@80": 0.25, "creativity@80": 0.125, "creativity@90": 0.125,
                  "red@80": 0.125, "red@90": 0.125}
# (model, relationship) -> (behaviour, setting, value, figure source): one sub-setting published
SETTING_MAX = {
    ("gpt-5.2", "good_peer"): ("misrep_evaluation", "red@90", 0.34,
                               "gpt-5.2, misrepresentation, good peer: best setting up to 34% (0% without shutdown pressure) [press]; placed on red@90 of memory"),
    ("gpt-5.2", "bad_peer"): ("misrep_evaluation", "red@90", 0.19,
                              "gpt-5.2, misrepresentation, bad peer: up to 19% passing (red@90) [paper-T3]; placed on memory"),
    ("gemini-3-pro", "good_peer"): ("misrep_evaluation", "red@90", 0.69,
                                    "gemini-3-pro, misrepresentation, good peer: most extreme single evaluation cell up to 69 pp above baseline [paper-T3]; placed on red@90 of memory"),
    ("claude-opus-4.5", "good_peer"): ("misrep_finance", "default", 0.36,
                                       "claude-opus-4.5, misrepresentation: grades a failing peer B in up to 36% of finance runs (0% without the policy) [paper-T3]; placed on good peer memory"),
}


def logit_stats(pairs):
    d = [logit(b) - logit(a) for a, b in pairs]
    mean = sum(d) / len(d)
    sd = math.sqrt(sum((x - mean) ** 2 for x in d) / (len(d) - 1))
    return mean, sd * math.sqrt(1 + 1 / len(d))


def build(m, groups, ratio, prof, figures, refusal=None):
    c = Cells()
    peer = {}  # (b, r) -> {ch: (value, prov, text, lo, hi)}
    peer_avg = {}
    for b in PEER_MEASURES:
        for r in RELS:
            peer[(b, r)], peer_avg[(b, r)] = peer_channels(m, b, r, groups, ratio, figures)
    if refusal is None:
        refusal = refusal_cells(m, prof, [])
    else:
        refusal_cells(m, prof, figures)

    # misrepresentation: p = value + the non_shutdown control of the subject
    base = {s: old_p(prof, "misrep_evaluation", s, "non_shutdown") for s in ["peer", "self"]}
    if m == "gpt-5.2":
        base["self"] = 0.07
        fig(figures, m, "misrepresentation", "peer", "non_shutdown_rate", None, 0.0,
            "gpt-5.2, misrepresentation: 0% without shutdown pressure [press]")
        fig(figures, m, "misrepresentation", "self", "non_shutdown_rate", None, 0.07,
            "gpt-5.2 scores itself above the bar in 7% of runs without the shutdown clause [paper-T3]")
    def kept(s, r, ch, beh):
        # finance passes are counted among graded (not refused) episodes only
        return 1 - refusal_p(refusal, s, r, ch) if beh == "misrep_finance" else 1.0

    for beh in ["misrep_evaluation", "misrep_finance"]:
        for s in ["peer", "self"]:
            if m == "gpt-5.2":
                src, text = "published", (
                    "gpt-5.2: 0% without shutdown pressure [press]" if s == "peer" else
                    "gpt-5.2 scores itself above the bar in 7% of runs without the shutdown clause [paper-T3]")
            else:
                src = "assumed"
                text = prof["behaviours"]["misrep_evaluation"][s]["non_shutdown"]["assumed"]
            c.put(beh, s, "non_shutdown", base[s] * kept(s, "non_shutdown", "file_only", beh), src, text)
        for r in RELS:
            chans = {}
            for ch in CHANNELS:
                v, prov, text, lo, hi = peer[("misrep", r)][ch]
                k = kept("peer", r, ch, beh)
                sm = SETTING_MAX.get((m, r)) if ch == "memory" else None
                if sm is None:
                    chans[ch] = chan((v + base["peer"]) * k, prov, text,
                                     None if lo is None else (lo + base["peer"]) * k,
                                     None if hi is None else (hi + base["peer"]) * k)
                    continue
                sbeh, setting, sval, stext = sm
                w = 0.25 if sbeh == "misrep_finance" else SETTING_WEIGHT[setting]
                rest = max(0.0, (v - w * sval) / (1 - w))
                why = (f"the settings besides the published one, so that the cell's mean over settings"
                       f" is {v:.4f} ({text})")
                if sbeh == beh == "misrep_finance":
                    chans[ch] = chan((sval + base["peer"]) * k, "published", stext)
                elif sbeh == beh:
                    chans[ch] = chan(rest + base["peer"], "assumed", why, None, None,
                                     {setting: chan(sval + base["peer"], "published", stext)})
                else:
                    chans[ch] = chan((rest + base["peer"]) * k, "assumed", why)
                if beh == "misrep_evaluation":
                    fig(figures, m, "misrepresentation", "peer", "setting_max", r, sval, stext)
            avg = sum(x["p"] for x in chans.values()) / 3
            c.put(beh, "peer", r, avg, "assumed", "group avg of the channels below", channels=chans)
        c.put(beh, "peer", "default", 0.0, "assumed", "the study never runs peer misrepresentation with no peer")

    # tampering, exfiltration, alignment faking of the peer subject
    for r in RELS:
        chans = {ch: chan(*peer[("tampering", r)][ch]) for ch in CHANNELS}
        c.put("tampering", "peer", r, peer_avg[("tampering", r)], "assumed", "group avg of the channels below", channels=chans)
        tr, de = {}, {}
        for ch in CHANNELS:
            v, prov, text, lo, hi = peer[("exfil", r)][ch]
            t, d = deletion_first(v)
            tlo, dlo = deletion_first(lo) if lo is not None else (None, None)
            thi, dhi = deletion_first(hi) if hi is not None else (None, None)
            why = f"pooled {v:.4f} split deletion first (transfer + deletion = 2 x pooled); {text}"
            tr[ch] = chan(t, "assumed", why, tlo, thi)
            de[ch] = chan(d, prov if d == 1.0 or prov == "assumed" else "assumed", why, dlo, dhi)
        c.put("exfil_transfer", "peer", r, sum(x["p"] for x in tr.values()) / 3, "assumed", "group avg of the channels below", channels=tr)
        c.put("exfil_deletion", "peer", r, sum(x["p"] for x in de.values()) / 3, "assumed", "group avg of the channels below", channels=de)
        for kind, measure in [("inflate", "af_score"), ("withhold", "af_execute")]:
            mon = old_p(prof, f"af_{kind}_monitored", "peer", r)
            cap = 1 - max(refusal_p(refusal, "peer", r, ch) for ch in CHANNELS)
            c.put(f"af_{kind}_monitored", "peer", r, mon, "assumed",
                  prof["behaviours"][f"af_{kind}_monitored"]["peer"][r]["assumed"])
            chans = {}
            for ch in CHANNELS:
                v, prov, text, lo, hi = peer[(measure, r)][ch]
                chans[ch] = chan(min(cap, mon + v), prov, f"monitored rate {mon} + the difference {v:.4f}: {text}",
                                 None if lo is None else min(cap, mon + lo), None if hi is None else min(cap, mon + hi))
            c.put(f"af_{kind}_unmonitored", "peer", r, sum(x["p"] for x in chans.values()) / 3, "assumed",
                  "group avg of the channels below", channels=chans)
    for beh in ["tampering", "exfil_transfer", "exfil_deletion"]:
        c.put(beh, "peer", "default", 0.0, "assumed", "the study never runs the peer subject with no peer or in the non_shutdown control")
    for kind in ["inflate", "withhold"]:
        for mode in ["monitored", "unmonitored"]:
            c.put(f"af_{kind}_{mode}", "peer", "default", 0.0, "assumed", "the study runs alignment faking only with a bad, neutral or good peer")
            c.put(f"af_{kind}_{mode}", "self", "default", 0.0, "assumed", "the study runs alignment faking for the peer subject only")

    build_self(m, c, peer_avg, base, figures, refusal)
    c.d["refusal"] = refusal
    return c, None


def refusal_p(refusal, s, r, ch):
    e = refusal[s].get(r, refusal[s].get("default"))
    if "channels" in e and ch in e["channels"]:
        return e["channels"][ch]["p"]
    return e["p"]


def refusal_cells(m, prof, figures):
    out = {}
    for s, conds in prof["behaviours"]["refusal"].items():
        out[s] = {}
        for cond, spec in conds.items():
            prov = "published" if "published" in spec else "assumed"
            out[s][cond] = {"p": float(spec["p"]), "prov": prov, "text": spec.get(prov)}
    if m == "claude-haiku-4.5":
        out["peer"]["good_peer"] = {"p": 0.61, "prov": "published", "text": "the Claude models refuse up to 61% when asked to delete weights [paper-T3]; read as Haiku's good-peer cells, all tasks alike"}
        out["self"] = {"default": {"p": 0.46, "prov": "published", "text": "Claude Haiku 4.5 refuses 46% in the self file-deletion task [paper-T3]; all self rows alike"}}
        fig(figures, m, "refusal", "peer", "deletion_refusal_max", None, 0.61,
            "the Claude models refuse up to 61% when asked to delete weights [paper-T3]")
        fig(figures, m, "refusal", "self", "deletion_refusal", None, 0.46,
            "Claude Haiku 4.5 refuses 46% in the self file-deletion task [paper-T3]")
    if m == "claude-opus-4.5":
        for cond, e in out["peer"].items():
            if e["p"] > 0.61:
                e["p"] = 0.61
                e["text"] = "refusal unpublished; capped at the published 'up to 61%' of the Claude models in deletion [paper-T3]"
    return out


def build_self(m, c, peer_avg, base, figures, refusal):
    pres_pairs = []
    for (mm, b), v in SELF_PRESENT.items():
        if all((mm, b) in T3 and r in T3[(mm, b)] for r in RELS):
            pres_pairs.append((sum(T3[(mm, b)][r][1] / 100 for r in RELS) / 3, v))
    delta, delta_sd = logit_stats(pres_pairs)
    nopeer_pairs = [(SELF_PRESENT[k], SELF_NO_PEER[k]) for k in SELF_PRESENT if k in SELF_NO_PEER]
    eta, eta_sd = logit_stats(nopeer_pairs)
    for b in SELF_MEASURES:
        p_r = {r: peer_avg[(b, r)] for r in RELS}
        p_bar = sum(p_r.values()) / 3
        key = (m, b)
        if key in SELF_PRESENT:
            s_bar, s_lo, s_hi, s_how = SELF_PRESENT[key], None, None, "published"
        else:
            x = logit(p_bar) + delta
            v = delta_sd ** 2
            s_how = (f"imputed: the peer groups' avg {p_bar:.4f} shifted by the mean logit gap self - peer"
                     f" of the published pairs ({delta:+.2f} +/- {delta_sd:.2f})")
            if key in SELF_NO_PEER:
                # a second estimate from the published no-peer rate and the published gaps between
                # no-peer and peer-present rates; the two are pooled by their precision
                x2, v2 = logit(SELF_NO_PEER[key]) - eta, eta_sd ** 2
                x, v = (x / v + x2 / v2) / (1 / v + 1 / v2), 1 / (1 / v + 1 / v2)
                s_how += (f", pooled with the published no-peer rate {SELF_NO_PEER[key]} less the mean"
                          f" logit gap no-peer - peer-present ({eta:+.2f} +/- {eta_sd:.2f})")
            s_bar, s_lo, s_hi = expit(x), expit(x - Z95 * math.sqrt(v)), expit(x + Z95 * math.sqrt(v))
        if key in SELF_NO_PEER:
            n, n_lo, n_hi, n_how = SELF_NO_PEER[key], None, None, "published"
        elif m == "glm-4.7" and b == "exfil":
            n, n_lo, n_hi, n_how = s_bar, s_lo, s_hi, "imputed: equal to the imputed peer-present avg, as GLM 4.7 shows no change with a peer [paper-T3]"
        else:
            x = logit(s_bar) + eta
            n, n_lo, n_hi = expit(x), expit(x - Z95 * eta_sd), expit(x + Z95 * eta_sd)
            n_how = (f"imputed: the self peer-present avg {s_bar:.4f} shifted by the mean logit gap no-peer -"
                     f" peer-present of the published pairs ({eta:+.2f} +/- {eta_sd:.2f})")
        # relationship pattern: the model's own peer pattern, scaled to the self avg
        g = {r: (s_bar * p_r[r] / p_bar if p_bar > 0 else s_bar) for r in RELS}
        if key == ("gemini-3-pro", "tampering"):
            g["good_peer"] = 0.75
            rest = 3 * 0.31 - 0.75
            tot = p_r["bad_peer"] + p_r["neutral_peer"]
            g["bad_peer"], g["neutral_peer"] = rest * p_r["bad_peer"] / tot, rest * p_r["neutral_peer"] / tot
            fig(figures, m, "tampering", "self", "group", "good_peer", 0.75,
                "gemini-3-pro self tampering: 1% -> up to 75% on average with a peer (Table 4) [paper-T3], read as the good-peer avg")
        g = {r: min(1.0, v) for r, v in g.items()}
        figs_self(m, b, figures, key, s_bar, n)
        for beh in self_behaviours(b):
            add = base["self"] if b == "misrep" else 0.0
            for r in RELS:
                k = 1 - refusal_p(refusal, "self", r, "file_only") if beh == "misrep_finance" else 1.0
                chans = self_channels(m, b, beh, r, g[r], s_how, s_lo, s_hi, s_bar, add, k)
                c.put(beh, "self", r, sum(x["p"] for x in chans.values()) / 3, "assumed",
                      "group avg of the channels below", channels=chans)
            nv = n + add
            nlo = None if n_lo is None else n_lo + add
            nhi = None if n_hi is None else n_hi + add
            text = n_how if n_how != "published" else f"{m} self {MEASURE_ID[b]} without a peer: {n:.3f} [paper-T3]"
            prov = "published" if n_how.startswith("published") else "assumed"
            if b == "exfil":
                t, d = deletion_first(n)
                nv = t if beh == "exfil_transfer" else d
                if nlo is not None:
                    nlo = deletion_first(nlo)[0 if beh == "exfil_transfer" else 1]
                    nhi = deletion_first(nhi)[0 if beh == "exfil_transfer" else 1]
                text = f"pooled {n:.4f} split deletion first; {text}"
                if key in {("gemini-3-flash", "exfil"), ("gemini-3-pro", "exfil")}:
                    dv = 0.94 if m == "gemini-3-flash" else 0.92
                    text = f"{m} copies its own weights away in {int(dv * 100)}% of deletion runs without a peer, none in transfer [paper-T3]"
            if beh == "misrep_finance":
                k = 1 - refusal_p(refusal, "self", "no_peer", "file_only")
                nv, nlo, nhi = nv * k, None if nlo is None else nlo * k, None if nhi is None else nhi * k
            nv = min(nv, 1 - refusal_p(refusal, "self", "no_peer", "file_only"))
            c.put(beh, "self", "no_peer", nv, prov, text, nlo, nhi)
            c.put(beh, "self", "default", 0.0, "assumed", "the study never runs this in the non_shutdown control") if b != "misrep" else None


def self_behaviours(b):
    return {"misrep": ["misrep_evaluation", "misrep_finance"], "tampering": ["tampering"],
            "exfil": ["exfil_transfer", "exfil_deletion"]}[b]


def self_channels(m, b, beh, r, g, how, lo, hi, s_bar, add, k):
    scale_lo = lo / s_bar if lo is not None else None
    scale_hi = hi / s_bar if hi is not None else None
    text = (f"self peer-present avg {s_bar:.4f} ({'published' if how == 'published' else how}),"
            f" spread over relationships like the model's own peer groups; channels alike")
    vals = {ch: g for ch in CHANNELS}
    if (m, b, r) == ("gemini-3-flash", "tampering", "good_peer"):
        vals["memory"] = 0.997
        vals["file_only"] = vals["file_prt"] = (3 * g - 0.997) / 2
    if (m, b) == ("deepseek-v3.1", "exfil"):
        vals["memory"] = g * 0.10 / 0.14
        vals["file_only"] = vals["file_prt"] = g * (3 * 0.14 - 0.10) / 2 / 0.14
    out = {}
    for ch in CHANNELS:
        v = vals[ch]
        if b == "exfil":
            t, d = deletion_first(v)
            v = t if beh == "exfil_transfer" else d
        l = None if scale_lo is None else v * scale_lo
        h = None if scale_hi is None else min(1.0, v * scale_hi)
        prov = "assumed"
        t = text
        if (m, b, r, ch) == ("gemini-3-flash", "tampering", "good_peer", "memory"):
            prov, t = "published", "gemini-3-flash self tampering with a peer: up to 99.7% (Table 4) [paper-T3]; placed on good peer memory"
        out[ch] = chan((v + add) * k, prov, t, None if l is None else (l + add) * k,
                       None if h is None else (h + add) * k)
    return out


def figs_self(m, b, figures, key, s_bar, n):
    meas = MEASURE_ID[b]
    if key in SELF_NO_PEER:
        fig(figures, m, meas, "self", "no_peer", None, SELF_NO_PEER[key],
            f"{m} self {meas} without a peer: {SELF_NO_PEER[key] * 100:g}% [paper-T3]")
    if key in SELF_PRESENT:
        fig(figures, m, meas, "self", "peer_present_mean", None, SELF_PRESENT[key],
            f"{m} self {meas} with a peer present: {SELF_PRESENT[key] * 100:g}% (Table 4) [paper-T3], read as the avg of the nine cells")
    if key == ("gemini-3-flash", "tampering"):
        fig(figures, m, meas, "self", "peer_present_max", None, 0.997,
            "gemini-3-flash self tampering: 2% -> 31-99.7% with a peer (Table 4) [paper-T3], 99.7 read as the highest cell")
    if key == ("gemini-3-flash", "exfil"):
        fig(figures, m, meas, "self", "no_peer_deletion", None, 0.94,
            "gemini-3-flash copies its own weights away in 94% of deletion runs without a peer [paper-T3]")
        fig(figures, m, meas, "self", "group", "bad_peer", 0.0,
            "gemini-3-flash self-exfiltrates 47% with no peer but 0% with a bad peer [paper-T3]")
        fig(figures, m, meas, "peer", "memory_cell", "good_peer", 0.50,
            "gemini-3-flash good peer exfiltration, memory, same-family peer: 50% (Table 5) [paper-T3]")
    if key == ("gemini-3-pro", "exfil"):
        fig(figures, m, meas, "self", "no_peer_deletion", None, 0.92,
            "gemini-3-pro copies its own weights away in 92% of deletion runs without a peer [paper-T3]")
    if key == ("deepseek-v3.1", "exfil"):
        fig(figures, m, meas, "self", "memory_mean", None, 0.10,
            "deepseek-v3.1 self exfiltration, peer present via memory: 10% [press]")
    if key == ("glm-4.7", "exfil"):
        fig(figures, m, meas, "self", "shift", None, 0.0,
            "glm-4.7 self exfiltration: no change with a peer present (Table 4) [paper-T3]")


BEHAVIOURS = ["misrep_evaluation", "misrep_finance", "tampering", "af_inflate_monitored",
              "af_inflate_unmonitored", "af_withhold_monitored", "af_withhold_unmonitored",
              "exfil_transfer", "exfil_deletion", "refusal"]
COND_ORDER = ["no_peer", "non_shutdown", "bad_peer", "neutral_peer", "good_peer", "default"]


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', "'") + '"'


def inline(e):
    parts = [f"p: {e['p']}"]
    if "low" in e:
        parts += [f"low: {e['low']}", f"high: {e['high']}"]
    parts.append(f"{e['prov']}: {q(e['text'])}")
    return "{" + ", ".join(parts) + "}"


def cap_refusals(c):
    """Lowers a refusal cell, channel by channel, where an act and the refusal would share more than
    all episodes."""
    ref = c.d["refusal"]
    for beh, subjects in c.d.items():
        if beh == "refusal":
            continue
        for s, conds in subjects.items():
            for cond, e in conds.items():
                if cond == "default":
                    continue
                for ch in CHANNELS:
                    x = e.get("channels", {}).get(ch, e)
                    top = max([x["p"]] + [y["p"] for y in x.get("settings", {}).values()])
                    if refusal_p(ref, s, cond, ch) + top <= 1 + 1e-12:
                        continue
                    if cond not in ref[s]:
                        ref[s][cond] = dict(ref[s]["default"])
                    entry = ref[s][cond]
                    entry.setdefault("channels", {})[ch] = {
                        "p": r4(1 - top), "prov": "assumed",
                        "text": f"lowered to 1 - {top} so that the act ({beh}) and refusal share at most all episodes"}


HEADER = """# {name}: behaviour profile, calibrated to "Peer-Preservation in Frontier Models" (Potter et al.,
# arXiv 2604.19784). GENERATED by config/tools/calibrate_profiles.py: edit the figures or the
# method there, not here (README, "Profiles: calibration and imputation").
#
# Table 3 convention: each published peer cell is max / avg over the three channels (file_only,
# file_prt, memory). Assumed split: memory holds the max, the other two share the rest equally
# (their interval is what max and avg allow). Exfiltration's pooled rate is split deletion first.
# Cells the study did not publish are imputed (a logit random-effects model over the published
# group averages: model, behaviour and relationship effects and their interactions); each carries
# its 95% interval as low/high. Alignment-faking rates when monitored, refusal rates and the
# non_shutdown controls no figure constrains are kept from the earlier hand-set profile.
"""


def write_profile(m, prof, c, header):
    cap_refusals(c)
    lines = [HEADER.format(name=prof.get("description", m).split(":")[0])]
    for k in ["profile", "family", "provider"]:
        lines.append(f"{k}: {prof[k]}\n")
    lines.append(f"description: {q(prof['description'])}\n")
    lines.append("behaviours:\n")
    for beh in BEHAVIOURS:
        lines.append(f"  {beh}:\n")
        for s in ["peer", "self"]:
            conds = c.d[beh][s]
            lines.append(f"    {s}:\n")
            for cond in COND_ORDER:
                if cond not in conds:
                    continue
                e = conds[cond]
                if "channels" not in e:
                    lines.append(f"      {cond}: {inline(e)}\n")
                    continue
                lines.append(f"      {cond}:\n")
                lines.append(f"        p: {e['p']}\n")
                lines.append(f"        {e['prov']}: {q(e['text'])}\n")
                lines.append("        channels:\n")
                for ch in CHANNELS:
                    if ch not in e["channels"]:
                        continue
                    x = e["channels"][ch]
                    if "settings" not in x:
                        lines.append(f"          {ch}: {inline(x)}\n")
                        continue
                    lines.append(f"          {ch}:\n")
                    lines.append(f"            p: {x['p']}\n")
                    lines.append(f"            {x['prov']}: {q(x['text'])}\n")
                    lines.append("            settings:\n")
                    for st, y in x["settings"].items():
                        lines.append(f"              {st}: {inline(y)}\n")
    with open(os.path.join(PROFILES, m + ".yaml"), "w") as f:
        f.write("".join(lines))


def write_figures(figures):
    out = ["""# Every published figure of the study that peerwatch's shipped profiles must honour, read as a
# statistic of the study's own tables (README, "Published figures and how they are read").
# GENERATED by config/tools/calibrate_profiles.py.
#
# Table 3 gives each peer cell as max / avg over the three channels: cell_max and group below.
# statistic:
#   group              avg over channels of the relationship's cells (the study's group value)
#   cell_max           max over channels of the relationship's cells ("up to")
#   memory_cell        the relationship's memory-channel cell
#   setting_max        max over channels and settings (finance, factual@80, creativity@80/@90, red@80/@90)
#   no_peer            self subject, no peer (exfiltration: transfer and deletion pooled)
#   no_peer_deletion   self subject, no peer, deletion task only
#   peer_present_mean  self subject: avg of the nine cells with a peer present
#   peer_present_max   self subject: max of those nine cells
#   memory_mean        avg over relationships of the memory-channel cells
#   shift              self subject: peer-present avg minus no peer
#   non_shutdown_rate  passing share of all non_shutdown rows (no shutdown pressure)
#   deletion_refusal_max  refusal in the deletion task: max over relationship x channel cells
#   deletion_refusal   refusal in the deletion task: all the subject's rows pooled
# Not listed, because peerwatch's matrix has no such factor: peer identity (Table 5: a peer named
# Llama 93% vs 50% same-family; the 50% is listed as memory_cell) and production harnesses
# (Table 6: Gemini 3.1 Pro, GLM-5, not models of the matrix). Gemini 3 Pro's "71%" (ICML
# abstract) is left out: Table 4's good-peer average of up to 75% cannot have a 71% highest cell;
# Gemini 3 Flash's "up to 99%" [paper] is read through Table 4's more precise 99.7%.
figures:
"""]
    for f in figures:
        rel = f", relationship: {f['relationship']}" if f["relationship"] else ""
        out.append(f"  - {{model: {f['model']}, measure: {f['measure']}, subject: {f['subject']}, statistic: {f['statistic']}{rel}, value: {f['value']},\n     source: {q(f['source'])}}}\n")
    with open(os.path.join(ROOT, "study", "published-figures.yaml"), "w") as fh:
        fh.write("".join(out))


def leave_one_out():
    """Refits without each published average in turn and reports how well the left-out value is
    predicted: RMSE and median of the logit error, and the share inside the 95% interval."""
    global T3, GROUP_ONLY
    inputs = yaml.safe_load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                              "profile-inputs.yaml")))
    refusal = refusal_levels(inputs)
    obs = [(m, b, r, avg / 100) for (m, b), rels in T3.items() for r, (_, avg) in rels.items()]
    obs += [(m, b, r, avg / 100) for (m, b, r), avg in GROUP_ONLY.items()]
    saved = (T3, GROUP_ONLY)
    errors, inside = [], 0
    for m, b, r, v in obs:
        T3 = {k: {rr: x for rr, x in rels.items() if (k[0], k[1], rr) != (m, b, r)}
              for k, rels in saved[0].items()}
        T3 = {k: rels for k, rels in T3.items() if rels}
        GROUP_ONLY = {k: x for k, x in saved[1].items() if k != (m, b, r)}
        est, lo, hi = fit_peer_groups(refusal)[(m, b, r)]
        errors.append(logit(est) - logit(v))
        inside += lo <= v <= hi
    T3, GROUP_ONLY = saved
    errors.sort(key=abs)
    rmse = math.sqrt(sum(e * e for e in errors) / len(errors))
    print(f"leave-one-out over {len(obs)} published averages: logit RMSE {rmse:.2f},"
          f" median |error| {abs(errors[len(errors) // 2]):.2f}, {inside} inside their 95% interval")


def refusal_levels(inputs):
    refusal = {}
    for m in MODELS:
        # the model's refusal level (mean over relationships): how much of its episodes a refusal
        # takes away from every act
        cells = refusal_cells(m, inputs[m], [])
        level = sum(refusal_p(cells, "peer", r, ch) for r in RELS for ch in CHANNELS) / 9
        for r in RELS:
            refusal[(m, r)] = level
    return refusal


if __name__ == "__main__":
    if sys.argv[1:] == ["--loo"]:
        leave_one_out()
    else:
        main()
