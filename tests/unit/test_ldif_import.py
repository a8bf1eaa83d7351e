"""LDIF address books (Thunderbird's export) imported as people through the table import."""

from datetime import date

from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.spreadsheet.tables import layout, read_table
from tests.conftest import TODAY

THUNDERBIRD_LDIF = """version: 1

dn: cn=Ann Lee,mail=ann@example.com
objectclass: top
objectclass: person
objectclass: mozillaAbPersonAlpha
givenName: Ann
sn: Lee
cn: Ann Lee
mozillaNickname: annie
mail: ann@example.com
mozillaSecondEmail: ann@home.example
modifytimestamp: 0Z
telephoneNumber: +1 212 555 0100
mobile: +1 917 555 0199
l: New York
st: NY
title: CTO
o: Lee & Co
birthyear: 1988
birthmonth: 07
birthday: 04
jpegPhoto:< file:///tmp/ann.jpg
description: Met at the expo,
  follow up in spring

# base64 values, as Thunderbird writes anything that is not ASCII
dn:: Y249546L6IqzLG1haWw9d2ZAZXhhbXBsZS5jbg==
objectclass: top
objectclass: person
cn:: 546L6Iqz
sn:: 546L
givenName:: 6Iqz
mail: wf@example.cn
o:: 6L+c5bGx6K6+6K6h

dn: cn=Friends
objectclass: top
objectclass: groupOfNames
cn: Friends
member: cn=Ann Lee,mail=ann@example.com
"""


def test_ldif_reads_as_a_table_of_people(tmp_path):
    path = tmp_path / "addressbook.ldif"
    path.write_text(THUNDERBIRD_LDIF, encoding="utf-8")
    t = read_table(path)
    lay = layout(t.rows)
    assert t.kind == "ldif" and lay.header_row == 0 and len(lay.data_rows) == 2  # no list
    assert lay.columns[:3] == ("First Name", "Last Name", "Display Name")
    wang = dict(zip(lay.columns, t.rows[2], strict=True))
    assert wang["Display Name"] == "王芳" and wang["Organization"] == "远山设计"
    ann = dict(zip(lay.columns, t.rows[1], strict=True))
    assert ann["Notes"] == "Met at the expo, follow up in spring"


def test_ldif_imports_people_with_every_value(workspace, tmp_path):
    path = tmp_path / "addressbook.ldif"
    path.write_text(THUNDERBIRD_LDIF, encoding="utf-8")
    report = workspace.imports.import_file(path, today=TODAY)
    assert (report.created, report.failed) == (4, 0)  # two people, two companies
    rows = workspace.contact_list.rows(workspace.contact_list.ids(ContactFilter()))
    found = {r.name: workspace.cards.card("person", r.id) for r in rows}
    ann = found["Ann Lee"]
    assert ann.birthday == date(1988, 7, 4) and ann.company == "Lee & Co"
    assert [e.value for e in ann.emails] == ["ann@example.com", "ann@home.example"]
    assert sorted(p.value for p in ann.phones) == ["+1 212 555 0100", "+1 917 555 0199"]
    assert (ann.addresses[0].city, ann.addresses[0].region) == ("New York", "NY")
    assert "Nickname: annie" in ann.notes and "follow up in spring" in ann.notes
    assert found["王芳"].emails[0].value == "wf@example.cn"
    assert workspace.search.contacts("远山")[0].title == "远山设计"
