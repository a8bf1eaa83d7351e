<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppTray</name>
    <message numerus="yes">
        <location filename="../../ui/reminders/tray.py" line="80" />
        <source>%n follow-ups due</source>
        <translation>
            <numerusform>%n follow-up due</numerusform>
            <numerusform>%n follow-ups due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarFiles</name>
    <message numerus="yes">
        <location filename="../../ui/workspace_settings/calendar_export.py" line="66" />
        <source>Wrote %n events to %1.</source>
        <translation>
            <numerusform>Wrote %n event to %1.</numerusform>
            <numerusform>Wrote %n events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message numerus="yes">
        <location filename="../../ui/conflicts/conflicts_screen.py" line="192" />
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n open conflict</numerusform>
            <numerusform>%n open conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_screen.py" line="158" />
        <source>Plan a follow-up for each of %n contacts…</source>
        <translation>
            <numerusform>Plan a follow-up for %n contact…</numerusform>
            <numerusform>Plan a follow-up for each of %n contacts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_screen.py" line="266" />
        <source>Deleting %n contacts…</source>
        <translation>
            <numerusform>Deleting %n contact…</numerusform>
            <numerusform>Deleting %n contacts…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="425" />
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="427" />
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln company</numerusform>
            <numerusform>%Ln companies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="525" />
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="566" />
        <source>Delete %n contacts? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %n contact? You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete %n contacts? You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractDetailPane</name>
    <message numerus="yes">
        <location filename="../../ui/contracts/detail_pane.py" line="244" />
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contracts/detail_pane.py" line="279" />
        <source>Overdue %n day(s)</source>
        <translation>
            <numerusform>Overdue %n day</numerusform>
            <numerusform>Overdue %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractsScreen</name>
    <message numerus="yes">
        <location filename="../../ui/contracts/contracts_screen.py" line="141" />
        <source>Delete contract %1 with its payment plan and %n payment(s)? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete contract %1 with its payment plan and %n payment? You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete contract %1 with its payment plan and %n payments? You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractsView</name>
    <message numerus="yes">
        <location filename="../../ui/contracts/contracts_view.py" line="206" />
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n contract</numerusform>
            <numerusform>%n contracts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDeals</name>
    <message numerus="yes">
        <location filename="../../ui/deals/customer_deals.py" line="131" />
        <source>%n deals</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerQuotes</name>
    <message numerus="yes">
        <location filename="../../ui/quotes/customer_quotes.py" line="154" />
        <source>%n quotes</source>
        <translation>
            <numerusform>%n quote</numerusform>
            <numerusform>%n quotes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DealsListView</name>
    <message numerus="yes">
        <location filename="../../ui/deals/deals_list_view.py" line="217" />
        <source>%n deals</source>
        <translation>
            <numerusform>%n deal</numerusform>
            <numerusform>%n deals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <location filename="../../ui/contacts/duplicates_dialog.py" line="127" />
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
        <location filename="../../ui/contacts/contact_export.py" line="33" />
        <source>Export %n contacts</source>
        <translation>
            <numerusform>Export %n contact</numerusform>
            <numerusform>Export %n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contact_export.py" line="66" />
        <location filename="../../ui/contacts/contact_export.py" line="92" />
        <source>Exported %Ln contacts to %1.</source>
        <translation>
            <numerusform>Exported %Ln contact to %1.</numerusform>
            <numerusform>Exported %Ln contacts to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/file_transfer.py" line="162" />
        <source>Exported %Ln rows to %1.</source>
        <translation>
            <numerusform>Exported %Ln row to %1.</numerusform>
            <numerusform>Exported %Ln rows to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/file_transfer.py" line="190" />
        <source>Wrote %Ln rows to %1; import it into a new workspace to move it.</source>
        <translation>
            <numerusform>Wrote %Ln row to %1; import it into a new workspace to move it.</numerusform>
            <numerusform>Wrote %Ln rows to %1; import it into a new workspace to move it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deals/deal_export.py" line="81" />
        <source>Exported %n deals to %1.</source>
        <translation>
            <numerusform>Exported %n deal to %1.</numerusform>
            <numerusform>Exported %n deals to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpTexts</name>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="66" />
        <source>Every %n weeks on %1</source>
        <translation>
            <numerusform>Every %n week on %1</numerusform>
            <numerusform>Every %n weeks on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="75" />
        <source>Every %n days</source>
        <translation>
            <numerusform>Every %n day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="77" />
        <source>Every %n weeks</source>
        <translation>
            <numerusform>Every %n week</numerusform>
            <numerusform>Every %n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="78" />
        <source>Every %n months</source>
        <translation>
            <numerusform>Every %n month</numerusform>
            <numerusform>Every %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message numerus="yes">
        <location filename="../../ui/workspace_settings/followup_tab.py" line="458" />
        <source>The calendar file holds %n events: %1</source>
        <translation>
            <numerusform>The calendar file holds %n event: %1</numerusform>
            <numerusform>The calendar file holds %n events: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="26" />
        <source>%Ln people created</source>
        <translation>
            <numerusform>%Ln person created</numerusform>
            <numerusform>%Ln people created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="27" />
        <source>%Ln people updated</source>
        <translation>
            <numerusform>%Ln person updated</numerusform>
            <numerusform>%Ln people updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="28" />
        <source>%Ln people skipped</source>
        <translation>
            <numerusform>%Ln person skipped</numerusform>
            <numerusform>%Ln people skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="31" />
        <source>%Ln companies created</source>
        <translation>
            <numerusform>%Ln company created</numerusform>
            <numerusform>%Ln companies created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="32" />
        <source>%Ln companies updated</source>
        <translation>
            <numerusform>%Ln company updated</numerusform>
            <numerusform>%Ln companies updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="33" />
        <source>%Ln companies skipped</source>
        <translation>
            <numerusform>%Ln company skipped</numerusform>
            <numerusform>%Ln companies skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="36" />
        <source>%Ln deals created</source>
        <translation>
            <numerusform>%Ln deal created</numerusform>
            <numerusform>%Ln deals created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="37" />
        <source>%Ln deals updated</source>
        <translation>
            <numerusform>%Ln deal updated</numerusform>
            <numerusform>%Ln deals updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="38" />
        <source>%Ln deals skipped</source>
        <translation>
            <numerusform>%Ln deal skipped</numerusform>
            <numerusform>%Ln deals skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="41" />
        <source>%Ln products created</source>
        <translation>
            <numerusform>%Ln product created</numerusform>
            <numerusform>%Ln products created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="42" />
        <source>%Ln products updated</source>
        <translation>
            <numerusform>%Ln product updated</numerusform>
            <numerusform>%Ln products updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="43" />
        <source>%Ln products skipped</source>
        <translation>
            <numerusform>%Ln product skipped</numerusform>
            <numerusform>%Ln products skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="46" />
        <source>%Ln quotes created</source>
        <translation>
            <numerusform>%Ln quote created</numerusform>
            <numerusform>%Ln quotes created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="47" />
        <source>%Ln quotes updated</source>
        <translation>
            <numerusform>%Ln quote updated</numerusform>
            <numerusform>%Ln quotes updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="48" />
        <source>%Ln quotes skipped</source>
        <translation>
            <numerusform>%Ln quote skipped</numerusform>
            <numerusform>%Ln quotes skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="51" />
        <source>%Ln payments created</source>
        <translation>
            <numerusform>%Ln payment created</numerusform>
            <numerusform>%Ln payments created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="52" />
        <source>%Ln payments updated</source>
        <translation>
            <numerusform>%Ln payment updated</numerusform>
            <numerusform>%Ln payments updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="53" />
        <source>%Ln payments skipped</source>
        <translation>
            <numerusform>%Ln payment skipped</numerusform>
            <numerusform>%Ln payments skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="56" />
        <source>%Ln follow-ups planned</source>
        <translation>
            <numerusform>%Ln follow-up planned</numerusform>
            <numerusform>%Ln follow-ups planned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="57" />
        <source>%Ln follow-ups updated</source>
        <translation>
            <numerusform>%Ln follow-up updated</numerusform>
            <numerusform>%Ln follow-ups updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="58" />
        <source>%Ln follow-ups skipped</source>
        <translation>
            <numerusform>%Ln follow-up skipped</numerusform>
            <numerusform>%Ln follow-ups skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="66" />
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="67" />
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln company</numerusform>
            <numerusform>%Ln companies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="68" />
        <source>%Ln deals</source>
        <translation>
            <numerusform>%Ln deal</numerusform>
            <numerusform>%Ln deals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="69" />
        <source>%Ln products</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="70" />
        <source>%Ln quotes</source>
        <translation>
            <numerusform>%Ln quote</numerusform>
            <numerusform>%Ln quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="71" />
        <source>%Ln payments</source>
        <translation>
            <numerusform>%Ln payment</numerusform>
            <numerusform>%Ln payments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="72" />
        <source>%Ln follow-ups</source>
        <translation>
            <numerusform>%Ln follow-up</numerusform>
            <numerusform>%Ln follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="95" />
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="143" />
        <source>%Ln rows have no name; each was named from its %1 (%2).</source>
        <translation>
            <numerusform>%Ln row has no name; it was named from its %1 (%2).</numerusform>
            <numerusform>%Ln rows have no name; each was named from its %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="160" />
        <source>%Ln cards have no name; each was named from its %1 (%2).</source>
        <translation>
            <numerusform>%Ln card has no name; it was named from its %1 (%2).</numerusform>
            <numerusform>%Ln cards have no name; each was named from its %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="171" />
        <source>%1: %Ln values could not be stored as mapped and were kept in notes (%2).</source>
        <translation>
            <numerusform>%1: %Ln value could not be stored as mapped and was kept in notes (%2).</numerusform>
            <numerusform>%1: %Ln values could not be stored as mapped and were kept in notes (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="183" />
        <source>%Ln cards have values that were not kept (%1).</source>
        <translation>
            <numerusform>%Ln card has values that were not kept (%1).</numerusform>
            <numerusform>%Ln cards have values that were not kept (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="198" />
        <source>%Ln deals name a stage that is not in the pipeline; they start in the first stage and the names are kept in their notes (%1).</source>
        <translation>
            <numerusform>%Ln deal names a stage that is not in the pipeline; it starts in the first stage and the name is kept in its notes (%1).</numerusform>
            <numerusform>%Ln deals name a stage that is not in the pipeline; they start in the first stage and the names are kept in their notes (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="209" />
        <source>%1: “%2” is not a user (%Ln rows); kept in notes.</source>
        <translation>
            <numerusform>%1: “%2” is not a user (%Ln row); kept in notes.</numerusform>
            <numerusform>%1: “%2” is not a user (%Ln rows); kept in notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="213" />
        <source>%1: %2 names are not users (%Ln rows); kept in notes.</source>
        <translation>
            <numerusform>%1: %2 names are not users (%Ln row); kept in notes.</numerusform>
            <numerusform>%1: %2 names are not users (%Ln rows); kept in notes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="219" />
        <source>%1: added %Ln users (%2).</source>
        <translation>
            <numerusform>%1: added %Ln user (%2).</numerusform>
            <numerusform>%1: added %Ln users (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="223" />
        <source>The whole workspace (%Ln rows, history included) was loaded.</source>
        <translation>
            <numerusform>The whole workspace (%Ln row, history included) was loaded.</numerusform>
            <numerusform>The whole workspace (%Ln rows, history included) was loaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OperationLabels</name>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="46" />
        <source>Delete %n companies</source>
        <translation>
            <numerusform>Delete %n company</numerusform>
            <numerusform>Delete %n companies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="48" />
        <source>Delete %n people</source>
        <translation>
            <numerusform>Delete %n person</numerusform>
            <numerusform>Delete %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="52" />
        <source>Set %1 of %n companies</source>
        <translation>
            <numerusform>Set %1 of %n company</numerusform>
            <numerusform>Set %1 of %n companies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="54" />
        <source>Set %1 of %n people</source>
        <translation>
            <numerusform>Set %1 of %n person</numerusform>
            <numerusform>Set %1 of %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="59" />
        <source>Tag %n companies with %1</source>
        <translation>
            <numerusform>Tag %n company with %1</numerusform>
            <numerusform>Tag %n companies with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="61" />
        <source>Tag %n people with %1</source>
        <translation>
            <numerusform>Tag %n person with %1</numerusform>
            <numerusform>Tag %n people with %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="72" />
        <source>Merge %n people into %1</source>
        <translation>
            <numerusform>Merge %n person into %1</numerusform>
            <numerusform>Merge %n people into %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="153" />
        <source>Claim %n records</source>
        <translation>
            <numerusform>Claim %n record</numerusform>
            <numerusform>Claim %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="158" />
        <source>Plan %n follow-ups: %1</source>
        <translation>
            <numerusform>Plan %n follow-up: %1</numerusform>
            <numerusform>Plan %n follow-ups: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="169" />
        <source>Returned %n records to the pool</source>
        <translation>
            <numerusform>Returned %n record to the pool</numerusform>
            <numerusform>Returned %n records to the pool</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineScreen</name>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="248" />
        <source>%n open deals · %1 · weighted %2</source>
        <translation>
            <numerusform>%n open deal · %1 · weighted %2</numerusform>
            <numerusform>%n open deals · %1 · weighted %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="266" />
        <source>%n d</source>
        <comment>days in the stage</comment>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="289" />
        <source>Won (drop here) · %n</source>
        <translation>
            <numerusform>Won (drop here) · %n</numerusform>
            <numerusform>Won (drop here) · %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="290" />
        <source>Lost (drop here) · %n</source>
        <translation>
            <numerusform>Lost (drop here) · %n</numerusform>
            <numerusform>Lost (drop here) · %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message numerus="yes">
        <location filename="../../ui/followups/plan_dialog.py" line="130" />
        <source>Plan %n follow-ups</source>
        <translation>
            <numerusform>Plan %n follow-up</numerusform>
            <numerusform>Plan %n follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/plan_dialog.py" line="353" />
        <source>%n follow-ups planned.</source>
        <translation>
            <numerusform>%n follow-up planned.</numerusform>
            <numerusform>%n follow-ups planned.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolScreen</name>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_screen.py" line="77" />
        <source>Claimed %n records.</source>
        <translation>
            <numerusform>Claimed %n record.</numerusform>
            <numerusform>Claimed %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_screen.py" line="96" />
        <source>You hold %n records already, as many as the pool allows. Release one to claim another.</source>
        <translation>
            <numerusform>You hold %n record already, as many as the pool allows. Release it to claim another.</numerusform>
            <numerusform>You hold %n records already, as many as the pool allows. Release one to claim another.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolView</name>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="193" />
        <source>%n in the pool</source>
        <translation>
            <numerusform>%n in the pool</numerusform>
            <numerusform>%n in the pool</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="228" />
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="241" />
        <location filename="../../ui/pool/pool_view.py" line="274" />
        <source>Claim %n records</source>
        <translation>
            <numerusform>Claim %n record</numerusform>
            <numerusform>Claim %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="243" />
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message numerus="yes">
        <location filename="../../ui/products/products_view.py" line="245" />
        <source>%Ln products</source>
        <translation>
            <numerusform>%Ln product</numerusform>
            <numerusform>%Ln products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuotesView</name>
    <message numerus="yes">
        <location filename="../../ui/quotes/quotes_view.py" line="251" />
        <source>%1 · %n quotes</source>
        <translation>
            <numerusform>%1 · %n quote</numerusform>
            <numerusform>%1 · %n quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/quotes/quotes_view.py" line="266" />
        <source>%n quotes</source>
        <translation>
            <numerusform>%n quote</numerusform>
            <numerusform>%n quotes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderTexts</name>
    <message numerus="yes">
        <location filename="../../ui/reminders/notifier.py" line="85" />
        <source>%n follow-ups are due</source>
        <translation>
            <numerusform>%n follow-up is due</numerusform>
            <numerusform>%n follow-ups are due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/notifier.py" line="93" />
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message numerus="yes">
        <location filename="../../ui/reminders/reminder_window.py" line="225" />
        <source>%n follow-ups are due</source>
        <translation>
            <numerusform>%n follow-up is due</numerusform>
            <numerusform>%n follow-ups are due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message numerus="yes">
        <location filename="../../ui/reminders/controller.py" line="269" />
        <source>%n records returned to the pool</source>
        <translation>
            <numerusform>%n record returned to the pool</numerusform>
            <numerusform>%n records returned to the pool</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StageDeleteDialog</name>
    <message numerus="yes">
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="64" />
        <source>“%1” holds %n deals. Choose the stage they move to:</source>
        <translation>
            <numerusform>“%1” holds %n deal. Choose the stage it moves to:</numerusform>
            <numerusform>“%1” holds %n deals. Choose the stage they move to:</numerusform>
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
    <name>SyncTexts</name>
    <message numerus="yes">
        <location filename="../../ui/team/sync_indicator.py" line="43" />
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team/sync_indicator.py" line="59" />
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team/sync_indicator.py" line="62" />
        <source>%n conflict(s) to decide: click to see them</source>
        <translation>
            <numerusform>%n conflict to decide: click to see it</numerusform>
            <numerusform>%n conflicts to decide: click to see them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayTexts</name>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="165" />
        <source>the first %n shown</source>
        <translation>
            <numerusform>the first %n shown</numerusform>
            <numerusform>the first %n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="321" />
        <source>%n days overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="381" />
        <source>waited %n days (limit %1)</source>
        <translation>
            <numerusform>waited %n day (limit %1)</numerusform>
            <numerusform>waited %n days (limit %1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="406" />
        <source>%n days in %1 (rots after %2)</source>
        <translation>
            <numerusform>%n day in %1 (rots after %2)</numerusform>
            <numerusform>%n days in %1 (rots after %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="431" />
        <source>returns in %n days</source>
        <translation>
            <numerusform>returns in %n day</numerusform>
            <numerusform>returns in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WhileAwayDialog</name>
    <message numerus="yes">
        <location filename="../../ui/reminders/reminder_window.py" line="265" />
        <source>The latest %n are listed here; Today lists them all.</source>
        <translation>
            <numerusform>The latest %n is listed here; Today lists them all.</numerusform>
            <numerusform>The latest %n are listed here; Today lists them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/reminder_window.py" line="269" />
        <source>%n follow-ups came due while Desktop CRM was closed.</source>
        <translation>
            <numerusform>%n follow-up came due while Desktop CRM was closed.</numerusform>
            <numerusform>%n follow-ups came due while Desktop CRM was closed.</numerusform>
        </translation>
    </message>
</context>
</TS>