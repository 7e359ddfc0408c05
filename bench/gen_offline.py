#!/usr/bin/env python3
"""Writes a deterministic offline-results CSV (SPEC 2.3) for the benchmark.

usage: gen_offline.py ROWS OUT.csv [ENCODING] [QUESTIONS]
Units and the paper come from the demo data (src/main/resources/demo): the paper is the first
QUESTIONS (default 20) questions of the demo bank. 90% of the rows carry answer strings
(mostly right, about one in five perfect), 10% a typed score. Same seed, same file.
"""
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
rows = int(sys.argv[1])
out = Path(sys.argv[2])
encoding = sys.argv[3] if len(sys.argv) > 3 else "gb18030"
n_questions = int(sys.argv[4]) if len(sys.argv) > 4 else 20

rnd = random.Random(20240601)

with open(ROOT / "src/main/resources/demo/units.csv", encoding="utf-8-sig") as f:
    units = [(r["单位编码"], r["单位名称"]) for r in csv.DictReader(f)]
with open(ROOT / "src/main/resources/demo/bank.csv", encoding="utf-8-sig") as f:
    bank = list(csv.DictReader(f))[:n_questions]

TF = {"对": "对", "错": "错", "正确": "对", "错误": "错", "√": "对", "×": "错", "T": "对", "F": "错"}
paper = []
for q in bank:
    options = [c for c in "ABCDEFGH" if q.get("选项" + c, "").strip()]
    if q["题型"] == "判断":
        key = TF.get(q["答案"].strip(), q["答案"].strip())
        paper.append(("tf", ["对", "错"], key, int(q["分值"] or 1)))
    else:
        key = "".join(sorted(c for c in q["答案"].upper() if c.isalpha()))
        paper.append(("choice", options, key, int(q["分值"] or 1)))
max_score = sum(p[3] for p in paper)

surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红梅文斌海燕鹏飞晓东春雪"

def answer(kind, options, key):
    if rnd.random() < 0.92:
        return key
    if kind == "tf":
        return "错" if key == "对" else "对"
    k = rnd.randint(1, min(3, len(options)))
    return "".join(sorted(rnd.sample(options, k)))

with open(out, "w", encoding=encoding, newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["准考证号", "姓名", "手机号", "单位编码", "得分", "答案", "考场"])
    for i in range(rows):
        code, name = rnd.choice(units)
        unit = name if rnd.random() < 0.05 else code
        person = rnd.choice(surnames) + "".join(rnd.choice(given) for _ in range(rnd.randint(1, 2)))
        phone = "1" + rnd.choice("3456789") + "%09d" % rnd.randrange(10**9)
        venue = "第%d考场" % (i // 500 + 1)
        if rnd.random() < 0.9:
            answers = "|".join(answer(*p[:3]) for p in paper)
            score = ""
        else:
            answers = ""
            score = str(rnd.randint(max_score // 2, max_score))
        w.writerow(["K%08d" % (i + 1), person, phone, unit, score, answers, venue])
print(f"{rows} rows, paper of {len(paper)} questions (max {max_score}), {encoding}: {out}", file=sys.stderr)
