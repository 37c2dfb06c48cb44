"""The fields of issue "govdoc core" Must show 1, checked for every format of the reference notice.

Text differences that come from the Markdown converter (ASCII vs full-width brackets and colons) are
folded away with NFKC before comparing, as the corpus checks do.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from govdoc.model import Document, Measure, Section


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def sections(nodes: list[Any], level: int) -> list[Section]:
    return [n for n in nodes if isinstance(n, Section) and n.level == level]


def measures(section: Section) -> int:
    return sum(isinstance(n, Measure) for n in section.children)


def check_reference(doc: Document) -> None:
    assert doc.doc_number is not None
    assert doc.doc_number.text == "临政办发〔2022〕58号"
    assert (doc.doc_number.agency_code, doc.doc_number.year, doc.doc_number.serial) == ("临政办发", 2022, 58)
    assert doc.issue_date is not None and doc.issue_date.date.isoformat() == "2022-10-24"
    assert doc.print_date is not None and doc.print_date.date.isoformat() == "2022-10-24"
    assert doc.issuers == ["临猗县人民政府办公室"]
    assert doc.signature == ["临猗县人民政府办公室"]
    assert doc.issuer_mark == "临猗县人民政府办公室文件"
    assert doc.doc_type == "通知"
    assert [fold(a) for a in doc.addressees] == [fold("各乡(镇)人民政府"), "县直各有关单位"]
    assert doc.note == "此件公开发布"
    assert [(c.kind, c.organs) for c in doc.cc] == [("抄报", ["县四大班子领导及办公室"])]
    assert doc.printed_by == "临猗县人民政府办公室"
    assert len(doc.enclosures) == 1
    enc = doc.enclosures[0]
    assert enc.title == "临猗县全民科学素质行动规划纲要实施方案"
    assert enc.subtitle is not None and fold(enc.subtitle) == "2021—2025年"
    level1 = sections(enc.body, 1)
    assert [s.title for s in level1] == ["背景和意义", "总体要求", "提升行动", "重点工程", "组织实施"]
    by_title = {s.title: s for s in level1}
    subs = {
        t: [fold(c.title) for c in sections(by_title[t].children, 2)]
        for t in ("总体要求", "提升行动", "重点工程", "组织实施")
    }
    assert subs["总体要求"] == ["指导思想", "基本原则", "工作目标"]
    assert subs["提升行动"] == [
        "青少年科学素质提升行动",
        "农民科学素质提升行动",
        "产业工人科学素质提升行动",
        "老年人科学素质提升行动",
        "领导干部和公务员科学素质提升行动",
    ]
    assert subs["重点工程"] == [
        "科技资源科普化工程",
        "科普信息化提升工程",
        "科普基础设施工程",
        "基层科普能力提升工程",
    ]
    assert subs["组织实施"] == ["组织领导", "保障条件", "进度安排"]
    yaoqiu, tisheng, gongcheng, zuzhi = (
        sections(by_title[t].children, 2) for t in ("总体要求", "提升行动", "重点工程", "组织实施")
    )
    assert measures(tisheng[0]) == 6
    assert measures(tisheng[2]) == 4
    assert measures(gongcheng[0]) == 3
    assert measures(yaoqiu[1]) == 4
    assert measures(yaoqiu[0]) == 0
    assert measures(zuzhi[0]) == 0
    assert len(doc.attachments) == 1
    assert doc.attachments[0].title.endswith("工作分工表")
    tasks = doc.tasks
    assert len(tasks) == 9
    assert [t.category for t in tasks] == ["提升行动"] * 5 + ["重点工程"] * 4
    assert [t.seq for t in tasks] == list(range(1, 10))
    assert tasks[2].lead_units == ["县总工会", "县工科局"]
    assert tasks[0].partner_units == ["县委宣传部", "县工科局", "县人社局", "团县委", "县妇联", "县科协"]
    assert tasks[0].partner_others is True
