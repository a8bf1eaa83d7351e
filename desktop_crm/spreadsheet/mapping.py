"""Guessing which contact field each column of an imported table holds.

From header names in English, Chinese and Japanese (and the German ones real exports carry)
and from the layouts of known exports: Google Contacts ("E-mail 1 - Value"), Outlook ("Job
Title", "Business Phone"), Thunderbird, Yahoo and common CRM exports; then, for people, from
what unmapped columns hold: emails and phone numbers always; names, companies and addresses
when no header names the person (a sheet without a header, or with headers in a language not
known here). The user can change every guess in the import preview.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

# field -> header names (compared case-, space- and punctuation-insensitively)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "姓名",
        "名字",
        "联系人",
        "联系人姓名",
        "客户姓名",
        "full name",
        "display name",
        "显示名称",
        "anzeigename",
        "contact",
        "contact name",
        "联络人",
        "氏名",
        "名前",
        "お名前",
    ),
    "family_name": (
        "last name",
        "family name",
        "surname",
        "姓",
        "姓氏",
        "nachname",
        "last",
        "lastname",
        "nom",
        "apellidos",
        "apellido",
        "苗字",
    ),
    "given_name": (
        "first name",
        "given name",
        "名",
        "vorname",
        "first",
        "firstname",
        "forename",
        "prénom",
        "nombre",
    ),
    "company": (
        "company",
        "公司",
        "公司名称",
        "单位",
        "工作单位",
        "企业",
        "企业名称",
        "客户名称",
        "organization",
        "organisation",
        "organization 1 - name",
        "firma",
        "organisation",
        "company name",
        "account name",
        "organization name",
        "employer",
        "所在公司",
        "单位名称",
        "会社名",
        "会社",
        "企業名",
        "勤務先",
    ),
    "title": (
        "job title",
        "职位",
        "职务",
        "头衔",
        "岗位",
        "position",
        "arbeitstitel",
        "organization 1 - title",
        "beruf",
        "职称",
        "役職",
        "肩書",
        "肩書き",
    ),
    "department": (
        "department",
        "部门",
        "abteilung",
        "organization 1 - department",
        "部署",
        "部署名",
        "所属部署",
    ),
    "mobile": (
        "mobile",
        "mobile phone",
        "cell",
        "cell phone",
        "手机",
        "手机号",
        "手机号码",
        "移动电话",
        "mobil-tel.-nr.",
        "mobiltelefon",
        "handy",
        "mobile number",
        "mobile phone number",
        "cellphone",
        "cell number",
        "行动电话",
        "携帯電話",
        "携帯",
        "携帯番号",
        "携帯電話番号",
    ),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "电话",
        "联系电话",
        "电话号码",
        "座机",
        "办公电话",
        "工作电话",
        "business phone",
        "work phone",
        "tel. dienstlich",
        "tel geschäftlich",
        "telefon (geschäftlich)",
        "phone 1 - value",
        "primary phone",
        "phone number",
        "telephone number",
        "联系方式",
        "联系号码",
        "市话",
        "联络电话",
        "電話番号",
    ),
    "home_phone": (
        "home phone",
        "家庭电话",
        "住宅电话",
        "tel privat",
        "telefon (privat)",
        "tel. privat",
        "自宅電話",
        "自宅電話番号",
    ),
    "fax": (
        "fax",
        "传真",
        "business fax",
        "fax-nummer",
        "fax (geschäftlich)",
        "fax number",
        "fax番号",
        "ファックス",
    ),
    "email": (
        "email",
        "e-mail",
        "邮箱",
        "电子邮件",
        "电子邮箱",
        "邮件",
        "email address",
        "e-mail address",
        "primary email",
        "e-mail 1 - value",
        "primäre e-mail-adresse",
        "e-mail-adresse",
        "e-mail-adresse (geschäftlich)",
        "mail",
        "emailaddress",
        "email 1",
        "邮箱地址",
        "电子邮件地址",
        "メールアドレス",
        "メール",
        "eメール",
        "電子メール",
    ),
    "email2": (
        "secondary email",
        "e-mail 2 - value",
        "sekundäre e-mail-adresse",
        "e-mail 2 address",
        "e-mail-adresse 2",
        "alternate email",
        "alternate email 1",
        "other email",
        "email 2",
        "e-mail 2",
        "携帯メール",
        "携帯メールアドレス",
    ),
    "street": (
        "address",
        "地址",
        "详细地址",
        "通讯地址",
        "街道",
        "street",
        "business street",
        "work address",
        "address 1 - street",
        "straße",
        "straße (geschäftlich)",
        "arbeitsadresse",
        "privatadresse",
        "home street",
        "street address",
        "mailing street",
        "address line 1",
        "address 1",
        "business address",
        "home address",
        "公司地址",
        "家庭地址",
        "联系地址",
        "住所",
        "所在地",
    ),
    "city": (
        "city",
        "城市",
        "所在城市",
        "市",
        "business city",
        "address 1 - city",
        "ort",
        "ort (geschäftlich)",
        "arbeitsort",
        "wohnort",
        "home city",
        "work city",
        "mailing city",
        "town",
        "市区町村",
    ),
    "region": (
        "state",
        "region",
        "province",
        "省",
        "省份",
        "地区",
        "business state",
        "address 1 - region",
        "bundesland",
        "bundesland (geschäftlich)",
        "work state",
        "home state",
        "mailing state",
        "state/region",
        "state/province",
        "所在省份",
        "都道府県",
    ),
    "postcode": (
        "zip",
        "zip code",
        "postcode",
        "postal code",
        "邮编",
        "邮政编码",
        "business postal code",
        "address 1 - postal code",
        "plz",
        "postleitzahl (geschäftlich)",
        "plz (geschäftlich)",
        "work zip",
        "home zip",
        "mailing zip",
        "zip/postal code",
        "home postal code",
        "zipcode",
        "home zipcode",
        "work zipcode",
        "邮递区号",
        "郵便番号",
        "〒",
    ),
    "country": (
        "country",
        "国家",
        "国家/地区",
        "business country/region",
        "address 1 - country",
        "land",
        "land/region (geschäftlich)",
        "country/region",
        "work country",
        "home country",
        "mailing country",
        "国",
        "国名",
    ),
    "notes": (
        "notes",
        "note",
        "备注",
        "备注信息",
        "说明",
        "描述",
        "comment",
        "comments",
        "notiz",
        "notizen",
        "anmerkungen",
        "remarks",
        "remark",
        "memo",
        "附注",
        "備考",
        "メモ",
    ),
    "tags": (
        "tags",
        "tag",
        "标签",
        "分组",
        "类别",
        "客户类型",
        "categories",
        "group membership",
        "kategorien",
        "category",
        "group",
        "groups",
        "分类",
    ),
    "source": (
        "source",
        "lead source",
        "来源",
        "客户来源",
        "渠道",
        "获客渠道",
        "来源渠道",
    ),
    "owner": (
        "owner",
        "负责人",
        "业务员",
        "销售",
        "销售人员",
        "所属人",
        "跟进人",
        "account owner",
        "sales rep",
        "contact owner",
        "lead owner",
        "record owner",
        "归属人",
    ),
    "level": ("level", "客户等级", "等级", "级别", "grade", "customer level"),
    "status": ("status", "状态", "客户状态"),
    "birthday": (
        "birthday",
        "生日",
        "出生日期",
        "date of birth",
        "geburtstag",
        "birth date",
        "birthdate",
        "dob",
        "出生年月",
        "生年月日",
        "誕生日",
    ),
    "wechat": (
        "wechat",
        "微信",
        "微信号",
        "weixin",
        "微信号码",
    ),
    "qq": ("qq", "qq号", "qq号码"),
    "created": (
        "created",
        "created at",
        "created on",
        "created date",
        "created time",
        "date created",
        "creation date",
        "create time",
        "create date",
        "date added",
        "added on",
        "创建时间",
        "创建日期",
        "建档时间",
        "建档日期",
        "录入时间",
        "录入日期",
        "添加时间",
        "登记时间",
        "登记日期",
        "erstellt am",
        "erstellungsdatum",
        "angelegt am",
        "作成日",
        "作成日時",
        "登録日",
        "登録日時",
    ),
    "website": (
        "website",
        "web page",
        "网站",
        "网址",
        "主页",
        "homepage",
        "webseite",
        "webseite (geschäftlich)",
        "website 1 - value",
        "web",
        "url",
        "web site",
        "business website",
        "personal website",
        "个人主页",
        "web page 1",
        "ホームページ",
    ),
}
_SHARED = ("phone", "mobile", "fax", "email", "street", "city", "region", "postcode", "country")
COMPANY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "company",
        "company name",
        "name",
        "公司",
        "公司名称",
        "名称",
        "单位",
        "单位名称",
        "企业",
        "企业名称",
        "客户",
        "客户名称",
        "organization",
        "organisation",
        "account",
        "account name",
        "firma",
        "会社名",
        "会社",
        "企業名",
    ),
    "industry": ("industry", "行业", "所属行业", "branche"),
    **{field: SYNONYMS[field] for field in _SHARED},
    **{
        f: SYNONYMS[f]
        for f in ("website", "tags", "source", "owner", "level", "status", "notes", "created")
    },
}
DEAL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "deal",
        "deal name",
        "opportunity",
        "opportunity name",
        "title",
        "name",
        "商机",
        "商机名称",
        "项目",
        "项目名称",
        "机会",
        "销售机会",
        "名称",
    ),
    "company": ("company", "account", "account name", "公司", "客户", "客户名称", "公司名称"),
    "person": ("contact", "contact name", "联系人", "联系人姓名", "客户联系人"),
    "amount": (
        "amount",
        "value",
        "deal value",
        "expected revenue",
        "金额",
        "预计金额",
        "商机金额",
        "合同金额",
        "销售金额",
    ),
    "currency": ("currency", "币种", "货币"),
    "stage": ("stage", "deal stage", "sales stage", "阶段", "销售阶段", "商机阶段"),
    "status": ("status", "状态", "赢单/输单", "结果"),
    "expected_close": (
        "expected close",
        "expected close date",
        "close date",
        "预计成交日期",
        "预计签单日期",
        "预计成交时间",
    ),
    "closed_on": ("closed on", "closed date", "成交日期", "关闭日期", "签单日期"),
    "lost_reason": ("lost reason", "reason lost", "输单原因", "丢单原因"),
    "owner": SYNONYMS["owner"],
    "notes": SYNONYMS["notes"],
    "created": SYNONYMS["created"],
}
PRODUCT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sku": (
        "sku",
        "code",
        "item code",
        "product code",
        "part number",
        "编码",
        "编号",
        "产品编号",
        "产品编码",
        "商品编码",
        "物料编码",
        "货号",
        "原料编号",
        "artikelnummer",
    ),
    "name": (
        "name",
        "product",
        "product name",
        "item",
        "名称",
        "品名",
        "产品",
        "产品名称",
        "商品名称",
        "物料名称",
        "标准中文名",
        "artikel",
    ),
    "description": ("description", "描述", "说明", "规格", "规格型号", "备注", "notes"),
    "unit": ("unit", "uom", "单位", "计量单位", "einheit"),
    "price": ("price", "unit price", "单价", "价格", "售价", "销售价", "含税单价", "preis"),
    "currency": ("currency", "币种", "货币"),
    "tax_rate": ("tax", "tax rate", "tax rate %", "vat", "税率", "增值税率"),
    "active": ("active", "on sale", "在售", "启用", "是否启用", "状态"),
    "created": SYNONYMS["created"],
}
BY_ENTITY = {
    "people": SYNONYMS,
    "companies": COMPANY_SYNONYMS,
    "deals": DEAL_SYNONYMS,
    "products": PRODUCT_SYNONYMS,
}
# Thunderbird splits the birthday into three columns.
BIRTH_PARTS = {
    "birthyear": ("geburtsjahr", "birth year"),
    "birthmonth": ("geburtsmonat", "birth month"),
    "birthday_day": ("geburtstag", "birth day"),
}


# Traditional characters of header words (Taiwan, Hong Kong) -> the simplified ones above.
_TRADITIONAL = str.maketrans(
    "電話機郵備註聯絡繫號碼業務員稱單區傳網頁籤標級戶類負責來職門組銷態狀國遞際動編齡別擁",
    "电话机邮备注联络系号码业务员称单区传网页签标级户类负责来职门组销态状国递际动编龄别拥",
)


def key(header: str) -> str:
    """A header as compared: case, spaces, underscores, marks and traditional characters folded."""
    text = re.sub(r"[*＊:：_\s]+", " ", header.casefold().translate(_TRADITIONAL)).strip()
    return re.sub(r"\s+", " ", text)


_LOOKUPS = {
    entity: {key(name): field for field, names in reversed(synonyms.items()) for name in names}
    for entity, synonyms in BY_ENTITY.items()
}
_CONTAINS_BY_ENTITY: dict[str, tuple[tuple[str, str], ...]] = {
    "companies": (("公司", "name"), ("电话", "phone"), ("邮箱", "email"), ("地址", "street")),
    "deals": (("金额", "amount"), ("阶段", "stage"), ("商机", "title"), ("日期", "expected_close")),
    "products": (("名称", "name"), ("编号", "sku"), ("编码", "sku"), ("价", "price")),
}
_CONTAINS = (
    ("手机", "mobile"),
    ("mobil", "mobile"),
    ("携帯", "mobile"),  # before 電話: 携帯電話 (番号) is the mobile
    ("邮箱", "email"),
    ("e-mail", "email"),
    ("email", "email"),
    ("メール", "email"),
    ("电话", "phone"),
    ("phone", "phone"),
    ("地址", "street"),
    ("住所", "street"),
    ("公司", "company"),
    ("会社", "company"),
    ("备注", "notes"),
    ("微信", "wechat"),
)


def guess_mapping(columns: Sequence[str], entity: str = "people") -> dict[int, str]:
    """``column index -> field`` for the columns recognised; each field is used once.

    Exact names win over partial ones; the first column of a name wins over later ones
    (a second email column becomes ``email2``).
    """
    if entity != "people":
        return _guess(columns, _LOOKUPS[entity], _CONTAINS_BY_ENTITY[entity])
    names = [key(c) for c in columns]
    lookup = _LOOKUPS["people"]
    mapping: dict[int, str] = {}
    used: set[str] = set()
    layout_outlook = "job title" in names
    split_birthday = set(birthday_parts(columns).values())
    for index, name in enumerate(names):
        field = lookup.get(name)
        if index in split_birthday:
            continue  # a part of a birthday split over three columns
        if name == "title" and not layout_outlook:
            field = "title"  # in Outlook "Title" is Mr/Dr; elsewhere it is the job title
        if field is None:
            continue
        if field == "email" and "email" in used:
            field = "email2"
        if field not in used:
            mapping[index] = field
            used.add(field)
    for index, name in enumerate(names):
        if index in mapping or index in split_birthday:
            continue
        for part, field in _CONTAINS:
            if part in name and field not in used:
                mapping[index] = field
                used.add(field)
                break
    return mapping


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_CN_MOBILE = re.compile(r"(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}")
# Numbers written as phones: international (+44 20 7946 0958), with an area code in brackets,
# Chinese landlines (0755-12345678) and North American 212-555-0100. Codes, dates and plain
# digit runs do not qualify.
_PHONE = re.compile(
    r"\+\d[\d\s\-().]{6,22}|\(\d{2,5}\)[\d\s\-.]{5,16}|0\d{2,3}[-\s]\d{7,8}"
    r"|\d{3}[-.\s]\d{3}[-.\s]\d{4}"
)
# Personal names: Chinese and Japanese as two to five characters (佐々木 has 々), Japanese also
# with family and given name apart and a given name in kana (佐藤 さくら); Korean as two to
# four Hangul syllables.
_CJK_NAME = re.compile(
    r"[\u4e00-\u9fff][\u4e00-\u9fff々·]{1,4}"
    r"|[\u4e00-\u9fff][\u4e00-\u9fff々]{0,2}[ \u3000][\u4e00-\u9fff々\u3040-\u30ff]{1,4}"
    r"|[\uac00-\ud7a3]{2,4}"
)
# Companies by their legal form: in CJK scripts anywhere in the name, elsewhere as its last
# word (Acme Inc., Müller GmbH) or first (Công ty ..., ООО ...).
_CJK_COMPANY = re.compile(
    r"公司|集团|集團|株式会社|有限会社|合同会社|[(（][株有][)）]|㈱|회사|[(（]주[)）]|㈜"
)
_LEGAL_FORMS = frozenset(
    (
        *("inc", "llc", "ltd", "limited", "gmbh", "ag", "kg", "plc", "corp", "corporation"),
        *("company", "sas", "sarl", "srl", "spa", "pty", "llp", "oy"),
        *("aps", "sro", "kft", "zrt", "doo", "jsc", "tnhh"),
    )
)
_SHORT_LEGAL_FORMS = frozenset(("sa", "ag", "kg", "bv", "nv", "ab", "kk"))
_LEGAL_PREFIXES = ("công ty ", "cty ", "ооо ", "оао ", "зао ", "пао ", "тов ")
# Addresses: CJK ones by two administrative or street marks (市 and 区, 都 and 丁目), Korean
# by two words ending in one (강남구 테헤란로), others by a house number and a street word.
_CJK_ADDRESS_MARK = re.compile(r"丁目|番地|[省市区區县縣都道府県郡町村镇鎮乡鄉街路巷弄号號]")
_HANGUL_ADDRESS_WORD = re.compile(r"[\uac00-\ud7a3]+[시도구군동읍면로길](?=[\s\d,]|$)")
_STREET_WORD = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|av|boulevard|blvd|lane|ln|drive|dr|way|court|ct|"
    r"place|pl|square|sq|highway|hwy|parkway|terrace|crescent|rue|chemin|allée|route|via|"
    r"viale|piazza|corso|calle|avenida|paseo|plaza|rua|travessa|ul|ulica|aleja|al|náměstí|"
    r"třída|utca|út|đường|phố|quận|phường|улица|ул|проспект)\b"
    r"|\w(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|straat|laan|gatan|vej|veien)\b",
    re.IGNORECASE,
)
NAME_FIELDS = ("name", "given_name", "family_name")
_CONTACT_FIELDS = {"email", "email2", "mobile", "phone", "home_phone"}


def guess_from_values(
    mapping: dict[int, str], values: Sequence[Sequence[str]], *, headerless: bool
) -> dict[int, str]:
    """Add people's fields that a column's values show, where its header said nothing.

    Columns of emails and of phone numbers are unmistakable. When no header names the
    person (no header at all, or headers in a language not known here), columns are also
    looked at for the name, the company and the street. With a header this needs an email or
    phone column, so a list of products or ingredients is not read as people; and a column
    of short CJK words counts as names only when its values are nearly all different (cities
    and companies repeat down a contact list, names do not). Latin "First Last" values are
    too like cities, products and job titles to go by their shape: they count as names only
    where the emails agree (an.nguyen@... beside "Nguyễn Văn An").

    Args:
        mapping: The guess from the headers (returned extended, not changed).
        values: Each column's first non-empty values as text.
        headerless: Whether the sheet has no header row.
    """
    result = dict(mapping)
    used = set(result.values())

    def take(index: int, *fields: str) -> None:
        for field in fields:
            if field not in used:
                result[index] = field
                used.add(field)
                return

    for index, column in enumerate(values):
        if index in result or not column:
            continue
        if _mostly(column, _EMAIL):
            take(index, "email", "email2")
        elif _mostly(column, _CN_MOBILE):
            take(index, "mobile", "phone", "home_phone")
        elif _mostly(column, _PHONE):
            take(index, "phone", "home_phone", "mobile")
    if used & set(NAME_FIELDS) or not (headerless or used & _CONTACT_FIELDS):
        return result
    for index, column in enumerate(values):
        if index in result or not column:
            continue
        if "company" not in used and _share(column, _is_company) >= 0.6:
            take(index, "company")
        elif "street" not in used and _share(column, _is_address) >= 0.6:
            take(index, "street")
    emails = [v for i, f in result.items() if f in ("email", "email2") for v in values[i]]
    for index, column in enumerate(values):
        if index in result or not column or len(set(column)) < 0.9 * len(column):
            continue
        if _mostly(column, _CJK_NAME) or _named_in_emails(column, emails):
            take(index, "name")
            break
    return result


def _mostly(values: Sequence[str], pattern: re.Pattern[str]) -> bool:
    """Whether at least four in five of ``values`` match ``pattern`` whole."""
    hits = sum(1 for v in values if pattern.fullmatch(v.strip()))
    return hits * 5 >= len(values) * 4


def _share(values: Sequence[str], test: Callable[[str], bool]) -> float:
    """The share of ``values`` that pass ``test``."""
    return sum(1 for v in values if test(v.strip())) / len(values)


def _is_company(value: str) -> bool:
    """Whether ``value`` names a company by its legal form (株式会社, Ltd, GmbH, Công ty)."""
    if _CJK_COMPANY.search(value):
        return True
    folded = value.casefold()
    if folded.startswith(_LEGAL_PREFIXES):
        return True
    words = value.replace(",", " ").split()  # "Acme, Inc."
    if len(words) < 2:
        return False
    last = words[-1].replace(".", "").casefold()  # S.r.l. -> srl
    if last in _SHORT_LEGAL_FORMS:
        return not any(ch.islower() for ch in words[-1])  # S.A., AG; not the name "Sa"
    return last in _LEGAL_FORMS or folded.replace(".", "").endswith(" sp z oo")


def _is_address(value: str) -> bool:
    """Whether ``value`` reads as a street address (see the patterns above)."""
    if re.search(r"[\u4e00-\u9fff]", value):
        return len(value) >= 5 and len(set(_CJK_ADDRESS_MARK.findall(value))) >= 2
    if len(_HANGUL_ADDRESS_WORD.findall(value)) >= 2:
        return True
    return bool(re.search(r"\d", value) and _STREET_WORD.search(value))


def _named_in_emails(column: Sequence[str], emails: Sequence[str]) -> bool:
    """Whether ``column`` holds "First Last" names that the emails' local parts spell.

    Four in five values must be two to four capitalised words, and half of all values must
    have a word (three letters or more, accents dropped) in some email before its "@".
    """
    locals_ = [_ascii_fold(e.split("@", 1)[0]) for e in emails if "@" in e]
    if not locals_:
        return False
    shaped = agreed = 0
    for value in column:
        words = value.split()
        if not 2 <= len(words) <= 4 or not all(_name_word(w) for w in words):
            continue
        shaped += 1
        tokens = {t for t in (_ascii_fold(w) for w in words) if len(t) >= 3}
        if any(t in local for t in tokens for local in locals_):
            agreed += 1
    return shaped * 5 >= len(column) * 4 and agreed * 2 >= len(column)


def _name_word(word: str) -> bool:
    """A capitalised word of letters (with ' - . of O'Brien, Jean-Luc, J.)."""
    return word[0].isupper() and all(ch.isalpha() or ch in "'’-." for ch in word)


def _ascii_fold(text: str) -> str:
    """Lower-case ASCII letters of ``text``, accents dropped (Nguyễn -> nguyen, Łukasz)."""
    plain = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l").replace("đ", "d"))
    return "".join(ch for ch in plain if "a" <= ch <= "z")


def _guess(
    columns: Sequence[str], lookup: dict[str, str], contains: tuple[tuple[str, str], ...]
) -> dict[int, str]:
    names = [key(c) for c in columns]
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for index, name in enumerate(names):
        field = lookup.get(name)
        if field is not None and field not in used:
            mapping[index] = field
            used.add(field)
    for index, name in enumerate(names):
        if index in mapping or name in lookup:  # a second "创建日期" is no close date
            continue
        for part, field in contains:
            if part in name and field not in used:
                mapping[index] = field
                used.add(field)
                break
    return mapping


def birthday_parts(columns: Sequence[str]) -> dict[str, int]:
    """Columns of a birthday split into year, month and day (Thunderbird), if all three."""
    names = [key(c) for c in columns]
    found = {
        part: names.index(next(n for n in aliases if n in names))
        for part, aliases in BIRTH_PARTS.items()
        if any(n in names for n in aliases)
    }
    return found if len(found) == 3 else {}
