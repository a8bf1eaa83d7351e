"""Stored choice codes (``lead``, ``open``, ``visit``…) as words in English or Chinese.

Exports write these words, not the codes; the importer reads every word here back to its code
(see ``spreadsheet.row_reader``), so an exported file imports again in either language. The
Chinese words are the app's own (its Contacts screen and cards use the same).
"""

from __future__ import annotations

# vocabulary -> code -> (English, Chinese)
WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "status": {
        "lead": ("Lead", "线索"),
        "prospect": ("Prospect", "意向客户"),
        "customer": ("Customer", "成交客户"),
        "inactive": ("Inactive", "不活跃"),
    },
    "deal_status": {
        "open": ("Open", "进行中"),
        "won": ("Won", "赢单"),
        "lost": ("Lost", "输单"),
    },
    "quote_status": {
        "draft": ("Draft", "草稿"),
        "sent": ("Sent", "已发送"),
        "accepted": ("Accepted", "已接受"),
        "rejected": ("Rejected", "已拒绝"),
        "expired": ("Expired", "已过期"),
    },
    "contract_status": {
        "draft": ("Draft", "草稿"),
        "active": ("Active", "生效中"),
        "completed": ("Completed", "已完成"),
        "terminated": ("Terminated", "已终止"),
    },
    "activity_kind": {
        "call": ("Call", "电话"),
        "meeting": ("Meeting", "会议"),
        "visit": ("Visit", "拜访"),
        "email": ("Email", "邮件"),
        "message": ("Message", "消息"),
        "note": ("Note", "备注"),
    },
    "stage_kind": {
        "open": ("Open", "进行中"),
        "won": ("Won", "赢单"),
        "lost": ("Lost", "输单"),
    },
    "bool": {
        "true": ("Yes", "是"),
        "false": ("No", "否"),
    },
}


def word(vocabulary: str, code: str | None, language: str) -> str | None:
    """``code`` of ``vocabulary`` as a word in ``language``; unknown codes stay as they are."""
    if code is None:
        return None
    found = WORDS.get(vocabulary, {}).get(code)
    if found is None:
        return code
    return found[1] if language == "zh" else found[0]


def code_of(vocabulary: str, text: str) -> str | None:
    """The code a word (in either language) or a code stands for; ``None`` if none."""
    wanted = text.strip().casefold()
    for code, words in WORDS.get(vocabulary, {}).items():
        if wanted == code.casefold() or wanted in (w.casefold() for w in words):
            return code
    return None
