"""The Chinese demo's words: mostly Chinese contacts, some English ones (the original set)."""

from __future__ import annotations

import random

from desktop_crm.services.demo.demo_words import DemoWords

_CN_FAMILY = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_CN_GIVEN = [
    "芳",
    "伟",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "晓东",
    "子涵",
    "欣怡",
    "浩然",
    "梓轩",
    "雨桐",
    "一鸣",
    "思远",
    "嘉怡",
    "俊杰",
    "文博",
    "佳琪",
    "志强",
    "海燕",
    "丹",
    "宇",
    "昊",
]
_EN_FIRST = [
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Emma",
    "Olivia",
    "Liam",
    "Noah",
    "Sophie",
    "Lucas",
    "Mia",
    "Ethan",
    "Chloe",
    "Daniel",
]
_EN_LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Lee",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Carter",
    "Mitchell",
    "Turner",
]
_CN_CITIES = ["上海", "北京", "深圳", "杭州", "广州", "成都", "南京", "苏州", "武汉", "西安"]
_EN_CITIES = ["London", "Singapore", "Sydney", "Toronto", "Berlin", "Austin", "Dublin"]
_CN_CORE = [
    "星辰",
    "蓝海",
    "青禾",
    "木棉",
    "远山",
    "云帆",
    "光合",
    "拾光",
    "鹿鸣",
    "知行",
    "锦程",
    "长风",
    "未来",
    "匠心",
    "朗月",
    "白鹭",
    "悦然",
    "新程",
    "森屿",
    "明德",
]
_CN_SUFFIX = [
    "设计工作室",
    "科技有限公司",
    "文化传媒有限公司",
    "摄影工作室",
    "建筑设计事务所",
    "餐饮管理有限公司",
    "教育咨询有限公司",
    "贸易有限公司",
]
_EN_CORE = [
    "Northwind",
    "Bluebird",
    "Copperleaf",
    "Harbor",
    "Maple",
    "Silverline",
    "Brightside",
    "Oakridge",
    "Fieldstone",
    "Lumen",
    "Kestrel",
    "Riverside",
]
_EN_SUFFIX = ["Studio", "Design Co.", "Labs", "Architects", "Media Ltd", "Trading Ltd"]
_INDUSTRIES = ["设计", "科技", "教育", "餐饮", "零售", "Media", "Architecture", "Retail"]
_TITLES_CN = ["总经理", "创始人", "采购经理", "市场总监", "设计总监", "行政主管", "项目经理"]
_TITLES_EN = [
    "CEO",
    "Founder",
    "Purchasing Manager",
    "Marketing Director",
    "Art Director",
    "Office Manager",
    "Project Manager",
]
_SOURCES = ["转介绍", "官网", "展会", "微信", "Referral", "Website", "Trade show", "LinkedIn"]
_TAGS = [
    ("VIP", "#d4a017"),
    ("老客户", "#2e7d32"),
    ("Referral", "#1565c0"),
    ("展会", "#6a1b9a"),
    ("待跟进", "#c62828"),
]
_PRODUCTS = [
    ("LOGO-01", "品牌标志设计", "Logo design", "项", "8000"),
    ("VI-01", "VI 视觉识别系统", "Visual identity system", "套", "36000"),
    ("WEB-01", "企业官网设计", "Company website design", "项", "25000"),
    ("PHOTO-01", "产品摄影（每天）", "Product photography (per day)", "天", "4500"),
    ("PKG-01", "包装设计", "Packaging design", "款", "6800"),
    ("PRINT-01", "画册印刷（100 本）", "Brochure printing (100 pcs)", "批", "3200.50"),
    ("CONSULT", "品牌咨询（每小时）", "Brand consulting (hour)", "小时", "800"),
    ("VIDEO-01", "宣传片拍摄", "Promo video", "部", "48000"),
]
_FOLLOW_SUBJECTS = [
    "回访报价",
    "确认需求",
    "发送合同",
    "约见面",
    "电话回访",
    "催款",
]
_DEAL_TOPICS = [
    "品牌升级",
    "官网改版",
    "年度画册",
    "Packaging refresh",
    "Product launch shoot",
    "Office signage",
    "新店VI",
    "宣传片",
]


def _chinese_person(rnd: random.Random) -> tuple[str, str, str]:
    family = rnd.choice(_CN_FAMILY)
    given = rnd.choice(_CN_GIVEN)
    return family, given, family + given


def _english_person(rnd: random.Random) -> tuple[str, str, str]:
    family, given = rnd.choice(_EN_LAST), rnd.choice(_EN_FIRST)
    return family, given, f"{given} {family}"


def _chinese_mobile(rnd: random.Random, i: int) -> str:
    digits = f"1{rnd.choice('3589')}{rnd.randint(0, 9)}{i % 100_000_000:08d}"
    return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"


_STUDIO = {
    "name": "上海青禾设计工作室",
    "address_lines": ["上海市徐汇区漕溪北路 88 号 12 楼", "邮编 200030"],
    "tax_id": "91310104MA1FR0XX3K",
    "bank_name": "招商银行上海徐家汇支行",
    "bank_account": "1219 0876 5432 101",
    "contact": "林晓",
    "phone": "021-6481 2233",
    "email": "hello@qinghe.example",
    "footer_text": "感谢您的信任 · 上海青禾设计工作室",
    "default_terms": (
        "1. 报价有效期内确认有效。\n2. 合同签订后支付 30% 预付款，交付验收后付清余款。"
    ),
}

CHINESE = DemoWords(
    local_person=_chinese_person,
    foreign_person=_english_person,
    local_company=lambda rnd: (
        rnd.choice(_CN_CITIES) + rnd.choice(_CN_CORE) + rnd.choice(_CN_SUFFIX)
    ),
    foreign_company=lambda rnd: f"{rnd.choice(_EN_CORE)} {rnd.choice(_EN_SUFFIX)}",
    local_cities=_CN_CITIES,
    foreign_cities=_EN_CITIES,
    local_country="中国",
    local_street=lambda n: f"{n}号",
    local_phone=_chinese_mobile,
    local_titles=_TITLES_CN,
    foreign_titles=_TITLES_EN,
    wechat=True,
    industries=_INDUSTRIES,
    sources=_SOURCES,
    tags=_TAGS,
    products=_PRODUCTS,
    studio=_STUDIO,
    subjects=_FOLLOW_SUBJECTS,
    deal_topics=_DEAL_TOPICS,
    contract_title=lambda deal: f"{deal} 服务合同",
)
