<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ContactsView</name>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="418" />
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="420" />
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln company</numerusform>
            <numerusform>%Ln companies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="505" />
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="546" />
        <source>Delete %n contacts? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %n contact? You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete %n contacts? You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../ui/contacts/duplicates_dialog.py" line="107" />
        <source>%n likely duplicate pairs.</source>
        <translation>
            <numerusform>%n likely duplicate pair.</numerusform>
            <numerusform>%n likely duplicate pairs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message numerus="yes">
        <location filename="../../ui/contacts/contact_export.py" line="27" />
        <source>Export %n contacts</source>
        <translation>
            <numerusform>Export %n contact</numerusform>
            <numerusform>Export %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contact_export.py" line="51" />
        <location filename="../../ui/contacts/contact_export.py" line="74" />
        <source>Exported %Ln contacts to %1.</source>
        <translation>
            <numerusform>Exported %Ln contact to %1.</numerusform>
            <numerusform>Exported %Ln contacts to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/file_transfer.py" line="179" />
        <source>Exported %Ln rows to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/file_transfer.py" line="205" />
        <source>Wrote %Ln rows to %1; import it into a new workspace to move it.</source>
        <translation>
            <numerusform>Wrote %Ln row to %1; import it into a new workspace to move it.</numerusform>
            <numerusform>Wrote %Ln rows to %1; import it into a new workspace to move it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="32" />
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="33" />
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln company</numerusform>
            <numerusform>%Ln companies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="34" />
        <source>%Ln open deals</source>
        <translation>
            <numerusform>%Ln open deal</numerusform>
            <numerusform>%Ln open deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message numerus="yes">
        <location filename="../../ui/today/today_view.py" line="79" />
        <source>Customers not contacted for %n days</source>
        <translation>
            <numerusform>Customers not contacted for %n day</numerusform>
            <numerusform>Customers not contacted for %n days</numerusform>
        </translation>
    </message>
</context>
</TS>