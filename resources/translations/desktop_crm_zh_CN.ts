<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="51" />
        <source>About Desktop CRM</source>
        <translation>关于 Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="68" />
        <source>Desktop CRM</source>
        <translation>Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="75" />
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="76" />
        <source>An offline-first CRM for small teams.</source>
        <translation>面向小团队的离线优先客户管理软件。</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="78" />
        <source>Free software under the MIT licence. %1.</source>
        <translation>基于 MIT 许可证发布的自由软件。%1。</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="94" />
        <source>Your files</source>
        <translation>你的文件</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="98" />
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="101" />
        <source>Backups folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="104" />
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="108" />
        <source>Log file:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="111" />
        <source>No log file could be made.</source>
        <translation>无法创建日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="118" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="121" />
        <source>This folder is made when it is first needed.</source>
        <translation>此文件夹会在首次需要时创建。</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="134" />
        <source>Licences…</source>
        <translation>许可证…</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="137" />
        <location filename="../../ui/about/about_dialog.py" line="174" />
        <source>Copy Details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="149" />
        <source>Python %1, Qt %2, PySide6 %3</source>
        <translation>Python %1，Qt %2，PySide6 %3</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="154" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="155" />
        <source>installed app</source>
        <translation>安装版</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="155" />
        <source>source checkout</source>
        <translation>源代码版</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="157" />
        <source>Desktop CRM %1 (%2)</source>
        <translation>Desktop CRM %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="159" />
        <source>System: %1</source>
        <translation>系统：%1</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="160" />
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="161" />
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="162" />
        <source>Backups folder: %1</source>
        <translation>备份文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="163" />
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="172" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../ui/about/about_dialog.py" line="188" />
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
</context>
<context>
    <name>AppTray</name>
    <message>
        <location filename="../../ui/reminders/tray.py" line="39" />
        <location filename="../../ui/reminders/tray.py" line="78" />
        <source>Desktop CRM</source>
        <translation>Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/tray.py" line="42" />
        <source>Open Desktop CRM</source>
        <translation>打开 Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/tray.py" line="43" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/tray.py" line="44" />
        <source>Plan follow-up…</source>
        <translation>计划跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/tray.py" line="48" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/tray.py" line="80" />
        <source>%n follow-ups due</source>
        <translation>
            <numerusform>%n 项跟进到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BalancesView</name>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="54" />
        <source>Each customer's contracts summed up per currency, figures as of today. Double-click a customer to list their contracts.</source>
        <translation>按币种汇总每个客户的合同，金额截至今天。双击客户可列出其合同。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="62" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="63" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="64" />
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="65" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="66" />
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="67" />
        <source>Outstanding</source>
        <translation>未收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/balances_view.py" line="68" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>CalendarFiles</name>
    <message>
        <location filename="../../ui/workspace_settings/calendar_export.py" line="53" />
        <location filename="../../ui/workspace_settings/calendar_export.py" line="70" />
        <source>Export Calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/calendar_export.py" line="55" />
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspace_settings/calendar_export.py" line="66" />
        <source>Wrote %n events to %1.</source>
        <translation>
            <numerusform>已将 %n 个日程写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/calendar_export.py" line="145" />
        <source>The calendar file was not updated: %1</source>
        <translation>日历文件未更新：%1</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="88" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="91" />
        <source>mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="92" />
        <source>work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="93" />
        <source>home</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="94" />
        <source>fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="95" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="96" />
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="97" />
        <source>main</source>
        <translation>总机</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="98" />
        <source>pager</source>
        <translation>寻呼机</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="99" />
        <source>home fax</source>
        <translation>住宅传真</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="100" />
        <source>work fax</source>
        <translation>工作传真</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="101" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="104" />
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="105" />
        <source>title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="106" />
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="107" />
        <source>level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="108" />
        <source>company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="109" />
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="110" />
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="111" />
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="112" />
        <source>deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="113" />
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="114" />
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="118" />
        <location filename="../../ui/followups/texts.py" line="31" />
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="119" />
        <location filename="../../ui/followups/texts.py" line="33" />
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="120" />
        <location filename="../../ui/followups/texts.py" line="35" />
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="121" />
        <location filename="../../ui/followups/texts.py" line="32" />
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="122" />
        <location filename="../../ui/followups/texts.py" line="34" />
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="123" />
        <location filename="../../ui/followups/texts.py" line="36" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="126" />
        <source>Claimed from the pool</source>
        <translation>从公海领取</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="127" />
        <source>Released to the pool</source>
        <translation>退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="128" />
        <source>Returned to the pool</source>
        <translation>自动退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="137" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="147" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="158" />
        <location filename="../../ui/contacts/card_dialog.py" line="229" />
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="161" />
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="182" />
        <source>Log what happened</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="198" />
        <source>What was it about? (optional)</source>
        <translation>沟通了什么？（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="200" />
        <source>Notes (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="203" />
        <source>Plan the next follow-up:</source>
        <translation>安排下次跟进：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="211" />
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="214" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="229" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="229" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="232" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="253" />
        <source>This contact no longer exists.</source>
        <translation>该联系人已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="273" />
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="310" />
        <source>website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="359" />
        <source>Follow-up cancelled</source>
        <translation>跟进已取消</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="115" />
        <location filename="../../ui/contacts/card_dialog.py" line="312" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="316" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="317" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="318" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="319" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="320" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="322" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="339" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="340" />
        <source>Copy %1</source>
        <translation>复制 %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="360" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="361" />
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="362" />
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="365" />
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="366" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="367" />
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="368" />
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="388" />
        <source>Was due %1</source>
        <translation>原定 %1</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/card_dialog.py" line="457" />
        <source>Logged.</source>
        <translation>已记录。</translation>
    </message>
</context>
<context>
    <name>ColumnList</name>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="158" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="159" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="183" />
        <source>Every template shows the description.</source>
        <translation>所有模板都显示品名/描述列。</translation>
    </message>
</context>
<context>
    <name>CompanyProfilePage</name>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="59" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="62" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="67" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="69" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="79" />
        <source>Logo:</source>
        <translation>徽标：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="81" />
        <source>One line of the address per line</source>
        <translation>地址每行一行</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="83" />
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="85" />
        <source>Tax ID:</source>
        <translation>税号：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="87" />
        <source>Bank:</source>
        <translation>开户行：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="89" />
        <source>Bank account:</source>
        <translation>银行账号：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="92" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="95" />
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="97" />
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="99" />
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="101" />
        <source>Website:</source>
        <translation>网址：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="104" />
        <source>Printed texts</source>
        <translation>打印文字</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="107" />
        <source>A line under the company's name</source>
        <translation>印在公司名称下方的一行文字</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="108" />
        <source>Header:</source>
        <translation>页眉：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="110" />
        <source>Printed at the foot of every page</source>
        <translation>印在每页底部</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="111" />
        <source>Footer:</source>
        <translation>页脚：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="114" />
        <source>Printed on quotes and contracts that have no terms of their own</source>
        <translation>报价单和合同没有自己的条款时打印此条款</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="117" />
        <source>Default terms:</source>
        <translation>默认条款：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="171" />
        <source>No logo</source>
        <translation>无徽标</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="185" />
        <source>Choose a logo</source>
        <translation>选择徽标</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="187" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="194" />
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../ui/followups/complete_dialog.py" line="49" />
        <source>Complete follow-up</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/complete_dialog.py" line="69" />
        <source>Logged as</source>
        <translation>记录为</translation>
    </message>
    <message>
        <location filename="../../ui/followups/complete_dialog.py" line="71" />
        <source>What came of it? (optional)</source>
        <translation>结果如何？（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/followups/complete_dialog.py" line="74" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/followups/complete_dialog.py" line="76" />
        <source>Plan the next follow-up</source>
        <translation>计划下一次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/complete_dialog.py" line="85" />
        <source>Repeats: %1. The next one is planned when this one is completed.</source>
        <translation>重复：%1。完成这一次后会自动计划下一次。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/complete_dialog.py" line="98" />
        <source>Complete</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>CompletesDialog</name>
    <message>
        <location filename="../../ui/followups/due_dialog.py" line="43" />
        <source>Complete follow-ups?</source>
        <translation>完成跟进？</translation>
    </message>
    <message>
        <location filename="../../ui/followups/due_dialog.py" line="46" />
        <source>This contact has follow-ups due. Which of them does this complete?</source>
        <translation>该联系人有到期的跟进。这次记录完成了哪些？</translation>
    </message>
    <message>
        <location filename="../../ui/followups/due_dialog.py" line="67" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ConflictColumns</name>
    <message>
        <location filename="../../ui/conflicts/conflicts_model.py" line="32" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_model.py" line="33" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_model.py" line="34" />
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_model.py" line="35" />
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_model.py" line="36" />
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_model.py" line="37" />
        <source>When</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ConflictTexts</name>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="38" />
        <source>Deleted or kept</source>
        <translation>删除或保留</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="39" />
        <source>Made twice</source>
        <translation>重复创建</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="40" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="41" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="42" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="43" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="44" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="45" />
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="46" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="47" />
        <source>Last contacted</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="48" />
        <source>Claimed</source>
        <translation>领取时间</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="49" />
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="50" />
        <source>Due time</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="51" />
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="52" />
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="53" />
        <source>Probability %</source>
        <translation>赢单概率 %</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="58" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="58" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="60" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="68" />
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="68" />
        <source>kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="70" />
        <source>possibly the same record</source>
        <translation>可能是同一条记录</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="72" />
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="74" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="74" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="79" />
        <source>another record</source>
        <translation>另一条记录</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="125" />
        <source>That value does not fit this field. Dates are written 2026-03-31, amounts as digits (12500.50), yes or no for a choice.</source>
        <translation>这个值不适合该字段。日期写作 2026-03-31，金额写数字（12500.50），选项填 yes 或 no。</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflict_values.py" line="146" />
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="109" />
        <source>Two team members changed the same field on their laptops before syncing. Both values are kept until you decide; your decision reaches everyone at the next sync.</source>
        <translation>两位团队成员在同步之前各自在电脑上修改了同一个字段。在您做出决定之前，两个值都会保留；您的决定会在下次同步时传给所有人。</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="138" />
        <source>Keep Mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="139" />
        <source>Keep Theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="140" />
        <source>Type a Value…</source>
        <translation>输入新值…</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="155" />
        <location filename="../../ui/conflicts/conflicts_screen.py" line="267" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/conflicts/conflicts_screen.py" line="192" />
        <source>%n open conflict(s)</source>
        <translation>
            <numerusform>%n 个待处理冲突</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="204" />
        <source>No conflicts. Everything your team changed on their laptops fits together.</source>
        <translation>没有冲突。团队成员在各自电脑上的修改都已顺利合并。</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="208" />
        <source>This workspace works alone. Once it belongs to a team (Settings → Team), fields that two people change on their laptops before syncing show up here for you to decide.</source>
        <translation>此工作区目前单独使用。加入团队后（设置 → 团队），两人在同步前各自修改的同一字段会显示在这里，由您决定。</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="245" />
        <source>Decided: %1 of %2.</source>
        <translation>已决定：%2 的 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="255" />
        <source>New value of %1 for %2:</source>
        <translation>%2 的 %1 新值：</translation>
    </message>
    <message>
        <location filename="../../ui/conflicts/conflicts_screen.py" line="258" />
        <location filename="../../ui/conflicts/conflicts_screen.py" line="261" />
        <source>Type a Value</source>
        <translation>输入新值</translation>
    </message>
</context>
<context>
    <name>ContactFollowUps</name>
    <message>
        <location filename="../../ui/followups/card_section.py" line="73" />
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="82" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="82" />
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="82" />
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="95" />
        <source>Plan follow-up…</source>
        <translation>计划跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="97" />
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="100" />
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="103" />
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="105" />
        <location filename="../../ui/followups/card_section.py" line="241" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="107" />
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="108" />
        <source>Cancel this follow-up</source>
        <translation>取消此跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/card_section.py" line="241" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
</context>
<context>
    <name>ContactsScreen</name>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="72" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="111" />
        <source>Remove view “%1”</source>
        <translation>删除视图“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="114" />
        <source>View removed.</source>
        <translation>视图已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="122" />
        <source>View “%1” saved.</source>
        <translation>视图“%1”已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="150" />
        <source>Open card</source>
        <translation>打开卡片</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="156" />
        <source>Plan follow-up…</source>
        <translation>计划跟进…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_screen.py" line="158" />
        <source>Plan a follow-up for each of %n contacts…</source>
        <translation>
            <numerusform>为 %n 个联系人各计划一次跟进…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="212" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="240" />
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="260" />
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_screen.py" line="265" />
        <source>Delete contacts</source>
        <translation>删除联系人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_screen.py" line="266" />
        <source>Deleting %n contacts…</source>
        <translation>
            <numerusform>正在删除 %n 个联系人…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="83" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="84" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="85" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="86" />
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="87" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="88" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="89" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="90" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="91" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="92" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="93" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="94" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="95" />
        <source>Created</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="96" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="101" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="103" />
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="104" />
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="106" />
        <source>Filter by name, pinyin, phone, email, tag…</source>
        <translation>按姓名、拼音、电话、邮箱、标签筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="111" />
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="112" />
        <source>A new person or company, as the list shows</source>
        <translation>按当前列表新建联系人或公司</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="115" />
        <source>Duplicates…</source>
        <translation>查重…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="118" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="119" />
        <source>Export the selected people, or the whole list</source>
        <translation>导出选中的联系人，或整个列表</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="125" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="126" />
        <source>Any level</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="127" />
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="128" />
        <source>Any city</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="129" />
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="130" />
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="132" />
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="134" />
        <source>Added in the last 7 days</source>
        <translation>最近 7 天添加</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="135" />
        <source>Added in the last 30 days</source>
        <translation>最近 30 天添加</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="136" />
        <source>Added in the last year</source>
        <translation>最近一年添加</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="151" />
        <source>Quiet for</source>
        <translation>未联系超过</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="152" />
        <source>Only contacts nobody has contacted for this long</source>
        <translation>只显示这段时间内无人联系的联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="156" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="159" />
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="160" />
        <source>Keep these filters, sort and columns in the sidebar</source>
        <translation>把当前的筛选、排序和列保存到侧栏</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="163" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="164" />
        <source>Clear all filters</source>
        <translation>清除全部筛选条件</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="175" />
        <source>Tag…</source>
        <translation>加标签…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="179" />
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="182" />
        <source>Set level</source>
        <translation>设置等级</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="184" />
        <source>Assign owner</source>
        <translation>指定负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="187" />
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="188" />
        <source>Merge the selected people into one</source>
        <translation>把选中的联系人合并为一个</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="193" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="355" />
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="355" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="425" />
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="427" />
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln 家公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="566" />
        <source>Delete %n contacts? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>删除 %n 个联系人？可以用 Ctrl+Z 撤销。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contacts_view.py" line="525" />
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="546" />
        <source>Changed to %1.</source>
        <translation>已改为%1。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="552" />
        <source>Tag contacts</source>
        <translation>给联系人加标签</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="552" />
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="558" />
        <source>Tagged with %1.</source>
        <translation>已添加标签“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contacts_view.py" line="565" />
        <source>Delete contacts</source>
        <translation>删除联系人</translation>
    </message>
</context>
<context>
    <name>ContractDetailPane</name>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="93" />
        <source>Select a contract to see its payment plan and payments.</source>
        <translation>选择一份合同，查看其付款计划和回款。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="119" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="120" />
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="121" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="122" />
        <source>Signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="123" />
        <source>Runs</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="124" />
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="125" />
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="126" />
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="135" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="136" />
        <location filename="../../ui/contracts/detail_pane.py" line="159" />
        <location filename="../../ui/contracts/detail_pane.py" line="276" />
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="137" />
        <location filename="../../ui/contracts/detail_pane.py" line="160" />
        <source>Outstanding</source>
        <translation>未收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="138" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="151" />
        <source>Payment plan</source>
        <translation>付款计划</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="155" />
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="282" />
        <source>Due</source>
        <translation>待收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="157" />
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="156" />
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="158" />
        <location filename="../../ui/contracts/detail_pane.py" line="173" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="161" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="168" />
        <source>Payments received</source>
        <translation>已收回款</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="172" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="174" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="175" />
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="176" />
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="177" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="183" />
        <source>Edit payment…</source>
        <translation>编辑回款…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="184" />
        <source>Delete payment</source>
        <translation>删除回款</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="208" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="214" />
        <source>%1, revision %2</source>
        <translation>%1，第 %2 版</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="219" />
        <source>Not signed yet</source>
        <translation>尚未签订</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="221" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="223" />
        <source>From %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contracts/detail_pane.py" line="244" />
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="249" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contracts/detail_pane.py" line="279" />
        <source>Overdue %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="281" />
        <source>Part paid</source>
        <translation>部分已收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="296" />
        <source>No. %1</source>
        <translation>第 %1 期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/detail_pane.py" line="298" />
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="111" />
        <source>Edit contract %1</source>
        <translation>编辑合同 %1</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="115" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="120" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="122" />
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="131" />
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="133" />
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="142" />
        <source>Terms and conditions printed on the contract</source>
        <translation>打印在合同上的条款</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="144" />
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="177" />
        <source>A contract needs a title.</source>
        <translation>合同需要标题。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="179" />
        <source>The contract cannot end before it starts.</source>
        <translation>合同的结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>ContractFilterBar</name>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="44" />
        <source>Filter by customer, number or title…</source>
        <translation>按客户、编号或标题筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="48" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="53" />
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="58" />
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="59" />
        <source>Signed this month</source>
        <translation>本月签订</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="60" />
        <source>Signed in the last 90 days</source>
        <translation>最近 90 天签订</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="61" />
        <source>Signed this quarter</source>
        <translation>本季度签订</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="62" />
        <source>Signed this year</source>
        <translation>今年签订</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="63" />
        <source>Signed last year</source>
        <translation>去年签订</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="67" />
        <source>Has overdue</source>
        <translation>有逾期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/filter_bar.py" line="68" />
        <source>Only contracts with an instalment past due</source>
        <translation>只显示有逾期款项的合同</translation>
    </message>
</context>
<context>
    <name>ContractTexts</name>
    <message>
        <location filename="../../ui/contracts/texts.py" line="39" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="40" />
        <source>Active</source>
        <translation>执行中</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="41" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="42" />
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="50" />
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="51" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="52" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="53" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="54" />
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="55" />
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="90" />
        <source>A payment must be more than zero.</source>
        <translation>回款金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="94" />
        <source>That is more than is still owed: %1 is outstanding on this contract.</source>
        <translation>超过了未收金额：本合同尚欠 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="99" />
        <source>That instalment is no longer part of this contract.</source>
        <translation>该期次已不属于本合同。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="112" />
        <source>Add at least one instalment.</source>
        <translation>请至少添加一期。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="114" />
        <source>Each instalment must be more than zero.</source>
        <translation>每一期的金额都必须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="120" />
        <source>The percentages add up to %1%: %2% short of 100%.</source>
        <translation>各期比例合计 %1%，比 100% 少 %2%。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="122" />
        <source>The percentages add up to %1%: %2% over 100%.</source>
        <translation>各期比例合计 %1%，比 100% 多 %2%。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="125" />
        <source>The instalments add up to %1: %2 short of the total %3.</source>
        <translation>各期合计 %1，比合同总额 %3 少 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/texts.py" line="127" />
        <source>The instalments add up to %1: %2 over the total %3.</source>
        <translation>各期合计 %1，比合同总额 %3 多 %2。</translation>
    </message>
</context>
<context>
    <name>ContractsScreen</name>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="45" />
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="49" />
        <source>Record &amp;Payment…</source>
        <translation>登记回款(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="112" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="126" />
        <source>Delete the payment of %1 received on %2? You can undo this with Ctrl+Z.</source>
        <translation>删除 %2 收到的 %1 回款？可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="130" />
        <source>Delete payment</source>
        <translation>删除回款</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="134" />
        <source>Payment deleted.</source>
        <translation>回款已删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contracts/contracts_screen.py" line="141" />
        <source>Delete contract %1 with its payment plan and %n payment(s)? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>删除合同 %1 及其付款计划和 %n 笔回款？可以用 Ctrl+Z 撤销。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="148" />
        <source>Delete contract</source>
        <translation>删除合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_screen.py" line="153" />
        <source>Contract %1 deleted.</source>
        <translation>合同 %1 已删除。</translation>
    </message>
</context>
<context>
    <name>ContractsView</name>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="62" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="63" />
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="64" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="65" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="66" />
        <source>Signed</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="67" />
        <source>Starts</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="68" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="69" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="70" />
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="71" />
        <source>Outstanding</source>
        <translation>未收</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="72" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="73" />
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="74" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="78" />
        <location filename="../../ui/contracts/contracts_view.py" line="144" />
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="92" />
        <source>Record payment…</source>
        <translation>登记回款…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="93" />
        <source>Edit payment plan…</source>
        <translation>编辑付款计划…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="94" />
        <source>Edit contract…</source>
        <translation>编辑合同…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="95" />
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="96" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="121" />
        <source>No contracts yet. Make one from a quote: on the Quotes screen, choose “Create Contract…”.</source>
        <translation>还没有合同。可以由报价单生成：在“报价单”页面选择“生成合同…”。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="128" />
        <source>No contracts match —</source>
        <translation>没有符合条件的合同 —</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contracts_view.py" line="145" />
        <source>Balances by customer</source>
        <translation>按客户汇总</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contracts/contracts_view.py" line="206" />
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n 份合同</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDeals</name>
    <message>
        <location filename="../../ui/deals/customer_deals.py" line="70" />
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/deals/customer_deals.py" line="78" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/deals/customer_deals.py" line="78" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/deals/customer_deals.py" line="78" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/deals/customer_deals.py" line="95" />
        <source>New deal…</source>
        <translation>新建商机…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deals/customer_deals.py" line="131" />
        <source>%n deals</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/deals/customer_deals.py" line="131" />
        <source>No deals yet</source>
        <translation>暂无商机</translation>
    </message>
</context>
<context>
    <name>CustomerQuotes</name>
    <message>
        <location filename="../../ui/quotes/customer_quotes.py" line="80" />
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/customer_quotes.py" line="96" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/customer_quotes.py" line="96" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/customer_quotes.py" line="96" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/customer_quotes.py" line="109" />
        <source>New Quote…</source>
        <translation>新建报价单…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/quotes/customer_quotes.py" line="154" />
        <source>%n quotes</source>
        <translation>
            <numerusform>%n 张报价单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/quotes/customer_quotes.py" line="154" />
        <source>No quotes yet</source>
        <translation>暂无报价单</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="117" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="121" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="130" />
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="133" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="134" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="135" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="136" />
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="137" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="138" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="139" />
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="140" />
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="141" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="142" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="143" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="168" />
        <location filename="../../ui/deals/deal_dialog.py" line="232" />
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="172" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="172" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="172" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="184" />
        <source>Plan follow-up…</source>
        <translation>计划跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="190" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="226" />
        <source>From quote %1</source>
        <translation>来自报价单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="232" />
        <source>Products (quote %1)</source>
        <translation>产品（报价单 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="241" />
        <source>This deal no longer exists.</source>
        <translation>该商机已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_dialog.py" line="253" />
        <source>Deal %1</source>
        <translation>商机 %1</translation>
    </message>
</context>
<context>
    <name>DealEditor</name>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="180" />
        <source>New deal</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="180" />
        <source>Edit deal</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="192" />
        <source>Stage history</source>
        <translation>阶段历史</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="196" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="196" />
        <source>Entered</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="196" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="217" />
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="218" />
        <source>Lost…</source>
        <translation>输单…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="219" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="253" />
        <source>Edit deal %1</source>
        <translation>编辑商机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="268" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="270" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="275" />
        <source>(deleted stage)</source>
        <translation>（已删除的阶段）</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="286" />
        <source>This deal no longer exists.</source>
        <translation>该商机已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="327" />
        <source>Deal added.</source>
        <translation>商机已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="329" />
        <source>Deal saved.</source>
        <translation>商机已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="401" />
        <source>Give the deal a title (at most 300 characters).</source>
        <translation>请填写商机标题（最多 300 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="402" />
        <source>The amount is a number from 0.</source>
        <translation>金额须为不小于 0 的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="403" />
        <source>A currency is a three-letter code such as CNY.</source>
        <translation>币种为三个字母的代码，例如 CNY。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="404" />
        <source>The source is too long (at most 200 characters).</source>
        <translation>来源太长（最多 200 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="405" />
        <source>This owner is no longer a user of the workspace.</source>
        <translation>该负责人已不是本工作区的用户。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deal_editor.py" line="411" />
        <source>The customer, owner, pipeline or stage no longer exists.</source>
        <translation>客户、负责人、销售流程或阶段已不存在。</translation>
    </message>
</context>
<context>
    <name>DealForm</name>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="68" />
        <source>What is being sold, e.g. 50 office chairs</source>
        <translation>卖的是什么，例如 50 把办公椅</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="71" />
        <source>Company or person: name, pinyin, phone…</source>
        <translation>公司或个人：名称、拼音、电话…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="74" />
        <location filename="../../ui/deals/editor_form.py" line="285" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="88" />
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="97" />
        <source>Where it came from: referral, website, trade fair…</source>
        <translation>来自哪里：转介绍、官网、展会…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="103" />
        <source>Notes (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="109" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="110" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="111" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="112" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="114" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="115" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="116" />
        <source>Pipeline</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="117" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="118" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/deals/editor_form.py" line="274" />
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
</context>
<context>
    <name>DealText</name>
    <message>
        <location filename="../../ui/deals/texts.py" line="20" />
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/deals/texts.py" line="21" />
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/deals/texts.py" line="22" />
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../ui/deals/texts.py" line="31" />
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <location filename="../../ui/deals/texts.py" line="45" />
        <source>Won on %1</source>
        <translation>%1 赢单</translation>
    </message>
    <message>
        <location filename="../../ui/deals/texts.py" line="46" />
        <source>Lost on %1</source>
        <translation>%1 输单</translation>
    </message>
</context>
<context>
    <name>DealsListView</name>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="87" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="88" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="89" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="90" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="91" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="92" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="93" />
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="94" />
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="95" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="99" />
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="100" />
        <source>Filter by title, number or customer…</source>
        <translation>按标题、编号或客户筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="108" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="112" />
        <source>All pipelines</source>
        <translation>全部销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="114" />
        <source>Everyone's</source>
        <translation>所有人的</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="119" />
        <source>New deal…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="121" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="122" />
        <source>Write the list as shown to .xlsx or .csv</source>
        <translation>将当前列表导出为 .xlsx 或 .csv</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deals/deals_list_view.py" line="217" />
        <source>%n deals</source>
        <translation>
            <numerusform>%n 个商机</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/deals/deals_list_view.py" line="230" />
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="101" />
        <source>Customize…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="103" />
        <source>Change this template's texts, colours, logo, columns and paper</source>
        <translation>修改此模板的文字、颜色、徽标、列和纸张</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="125" />
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="126" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="127" />
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="128" />
        <source>The document's language follows the customer; change it here.</source>
        <translation>单据语言默认跟随客户，可在此更改。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="149" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="150" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="171" />
        <location filename="../../ui/printing/document_dialog.py" line="201" />
        <source>There is no template for this kind of document.</source>
        <translation>没有适用于此类单据的模板。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="249" />
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="254" />
        <source>Pages: %1</source>
        <translation>页数：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="259" />
        <source>The document could not be prepared: %1</source>
        <translation>无法生成单据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="280" />
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_dialog.py" line="290" />
        <source>Saved as %1.</source>
        <translation>已保存为 %1。</translation>
    </message>
</context>
<context>
    <name>DocumentPrinting</name>
    <message>
        <location filename="../../ui/printing/document_printing.py" line="88" />
        <source>Quote %1, revision %2</source>
        <translation>报价单 %1，第 %2 版</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_printing.py" line="90" />
        <source>Quote %1</source>
        <translation>报价单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_printing.py" line="92" />
        <source>Contract %1</source>
        <translation>合同 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/document_printing.py" line="197" />
        <source>There is no template called “%1” any more.</source>
        <translation>已没有名为“%1”的模板。</translation>
    </message>
</context>
<context>
    <name>DueEditor</name>
    <message>
        <location filename="../../ui/followups/due_editor.py" line="65" />
        <source>At a time</source>
        <translation>指定时间</translation>
    </message>
    <message>
        <location filename="../../ui/followups/due_editor.py" line="78" />
        <source>Use this computer's time zone</source>
        <translation>使用本机时区</translation>
    </message>
    <message>
        <location filename="../../ui/followups/due_editor.py" line="80" />
        <source>Keep the same moment, shown and planned in the time zone this computer is in</source>
        <translation>保持同一时刻，改用本机所在时区显示和计划</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="56" />
        <location filename="../../ui/contacts/duplicates_dialog.py" line="97" />
        <source>Duplicates</source>
        <translation>重复联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="59" />
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="60" />
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="61" />
        <source>similar name</source>
        <translation>姓名相近</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="64" />
        <location filename="../../ui/contacts/duplicates_dialog.py" line="94" />
        <location filename="../../ui/contacts/duplicates_dialog.py" line="98" />
        <source>Looking for duplicates…</source>
        <translation>正在查找重复联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="69" />
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="69" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="69" />
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="77" />
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="79" />
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="81" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="108" />
        <source>The search for duplicates stopped.</source>
        <translation>查找重复联系人已停止。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/duplicates_dialog.py" line="127" />
        <source>%n likely duplicate pairs.</source>
        <translation>
            <numerusform>%n 对可能重复的联系人。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="143" />
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
</context>
<context>
    <name>FileTransfer</name>
    <message>
        <location filename="../../ui/contacts/contact_export.py" line="26" />
        <location filename="../../ui/deals/deal_export.py" line="30" />
        <location filename="../../ui/imports/file_transfer.py" line="138" />
        <location filename="../../ui/imports/file_transfer.py" line="176" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contact_export.py" line="27" />
        <location filename="../../ui/deals/deal_export.py" line="31" />
        <location filename="../../ui/imports/file_transfer.py" line="139" />
        <source>CSV, UTF-8 (*.csv)</source>
        <translation>CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contact_export.py" line="28" />
        <source>vCard 3.0 (*.vcf)</source>
        <translation>vCard 3.0 (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contact_export.py" line="29" />
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contact_export.py" line="33" />
        <source>Export %n contacts</source>
        <translation>
            <numerusform>导出 %n 个联系人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contact_export.py" line="60" />
        <location filename="../../ui/contacts/contact_export.py" line="88" />
        <location filename="../../ui/deals/deal_export.py" line="67" />
        <location filename="../../ui/imports/file_transfer.py" line="156" />
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/contacts/contact_export.py" line="66" />
        <location filename="../../ui/contacts/contact_export.py" line="92" />
        <source>Exported %Ln contacts to %1.</source>
        <translation>
            <numerusform>已导出 %Ln 个联系人到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="52" />
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="51" />
        <location filename="../../ui/imports/file_transfer.py" line="95" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="69" />
        <source>…and %1 more.</source>
        <translation>……还有 %1 条。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="73" />
        <source>Rows that could not be imported are listed in %1.</source>
        <translation>无法导入的行已列在 %1 中。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="78" />
        <source>Edit &gt; Undo takes the whole import back.</source>
        <translation>“编辑 &gt; 撤销”可撤回整次导入。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="86" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="98" />
        <source>Spreadsheets and contact files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml *.fods *.ldif *.vcf *.vcard);;All files (*)</source>
        <translation>表格和联系人文件 (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html *.xml *.fods *.ldif *.vcf *.vcard);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/contact_export.py" line="59" />
        <location filename="../../ui/contacts/contact_export.py" line="87" />
        <location filename="../../ui/deals/deal_export.py" line="35" />
        <location filename="../../ui/deals/deal_export.py" line="66" />
        <location filename="../../ui/imports/file_transfer.py" line="143" />
        <location filename="../../ui/imports/file_transfer.py" line="155" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="174" />
        <location filename="../../ui/imports/file_transfer.py" line="183" />
        <source>Export Whole Workspace</source>
        <translation>导出整个工作区</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="184" />
        <source>Exporting the workspace…</source>
        <translation>正在导出工作区…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/file_transfer.py" line="162" />
        <source>Exported %Ln rows to %1.</source>
        <translation>
            <numerusform>已导出 %Ln 行到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="64" />
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/file_transfer.py" line="190" />
        <source>Wrote %Ln rows to %1; import it into a new workspace to move it.</source>
        <translation>
            <numerusform>已写入 %Ln 行到 %1；导入到新的工作区即可迁移。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="204" />
        <location filename="../../ui/imports/file_transfer.py" line="208" />
        <source>English template (*.xlsx)</source>
        <translation>英文模板 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="211" />
        <source>Save Import Template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="228" />
        <source>Template saved as %1.</source>
        <translation>模板已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="246" />
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="250" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="252" />
        <location filename="../../ui/imports/file_transfer.py" line="273" />
        <source>&amp;Deals…</source>
        <translation>商机(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="253" />
        <location filename="../../ui/imports/file_transfer.py" line="275" />
        <source>&amp;Quotes…</source>
        <translation>报价单(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="254" />
        <source>&amp;Activities…</source>
        <translation>活动记录(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="255" />
        <source>&amp;Products…</source>
        <translation>产品(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="260" />
        <source>&amp;Calendar (.ics)…</source>
        <translation>日历 (.ics)(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="265" />
        <source>&amp;Whole Workspace…</source>
        <translation>整个工作区(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="269" />
        <source>Import &amp;Templates</source>
        <translation>导入模板(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="271" />
        <source>&amp;People…</source>
        <translation>联系人(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="272" />
        <source>&amp;Companies…</source>
        <translation>公司(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="274" />
        <source>P&amp;roducts…</source>
        <translation>产品(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="276" />
        <source>P&amp;ayments…</source>
        <translation>回款(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/file_transfer.py" line="277" />
        <source>&amp;Follow-ups…</source>
        <translation>跟进计划(&amp;F)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/deals/deal_export.py" line="81" />
        <source>Exported %n deals to %1.</source>
        <translation>
            <numerusform>已导出 %n 个商机到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="13" />
        <source>Welcome to Desktop CRM</source>
        <translation>欢迎使用 Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="18" />
        <source>Your contacts, follow-ups, deals and quotes, kept in one file on this computer. How would you like to start?</source>
        <translation>您的联系人、跟进、商机和报价都保存在这台电脑上的一个文件里。您想如何开始？</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="25" />
        <source>Explore a demo workspace</source>
        <translation>浏览演示工作区</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="26" />
        <source>Start an empty workspace</source>
        <translation>新建空白工作区</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="27" />
        <source>Open a workspace file…</source>
        <translation>打开工作区文件…</translation>
    </message>
</context>
<context>
    <name>FollowUpActions</name>
    <message>
        <location filename="../../ui/followups/actions.py" line="110" />
        <source>Plan follow-ups</source>
        <translation>计划跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="112" />
        <source>Select at most %1 contacts to plan a follow-up for each of them.</source>
        <translation>最多选择 %1 个联系人，为每人各计划一次跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="247" />
        <source>Follow-up completed. The next one is due on %1.</source>
        <translation>跟进已完成。下一次在 %1 到期。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="252" />
        <source>Follow-up completed.</source>
        <translation>跟进已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="278" />
        <location filename="../../ui/followups/actions.py" line="289" />
        <source>Reminder snoozed.</source>
        <translation>已推迟提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="307" />
        <source>Moved to %1.</source>
        <translation>已改到 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="317" />
        <source>Cancel follow-up</source>
        <translation>取消跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="318" />
        <source>Cancel the follow-up “%1”? You can undo this with Ctrl+Z.</source>
        <translation>取消跟进“%1”？可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="321" />
        <source>Follow-up cancelled.</source>
        <translation>跟进已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="333" />
        <location filename="../../ui/followups/actions.py" line="341" />
        <source>No phone number for this follow-up.</source>
        <translation>此跟进没有电话号码。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="336" />
        <source>Copied %1.</source>
        <translation>已复制 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="352" />
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="353" />
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="354" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="354" />
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="355" />
        <source>Cancel follow-up…</source>
        <translation>取消跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="370" />
        <source>Copy phone</source>
        <translation>复制电话</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="371" />
        <source>Call</source>
        <translation>拨打电话</translation>
    </message>
    <message>
        <location filename="../../ui/followups/actions.py" line="377" />
        <source>Open card</source>
        <translation>打开卡片</translation>
    </message>
</context>
<context>
    <name>FollowUpTexts</name>
    <message>
        <location filename="../../ui/followups/texts.py" line="49" />
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="50" />
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="51" />
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="52" />
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="53" />
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="54" />
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="55" />
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="65" />
        <source>Every %1</source>
        <translation>每%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="66" />
        <source>Every %n weeks on %1</source>
        <translation>
            <numerusform>每 %n 周的%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="69" />
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="70" />
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="71" />
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="75" />
        <source>Every %n days</source>
        <translation>
            <numerusform>每 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="77" />
        <source>Every %n weeks</source>
        <translation>
            <numerusform>每 %n 周</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/texts.py" line="78" />
        <source>Every %n months</source>
        <translation>
            <numerusform>每 %n 个月</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="98" />
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="103" />
        <source>%1, then on %2</source>
        <translation>%1，之后在 %2</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="158" />
        <source>%1 %2 = %3 here</source>
        <translation>%1 %2 = 本地 %3</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="164" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="166" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="167" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/texts.py" line="167" />
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="125" />
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="130" />
        <source>Waiting too long</source>
        <translation>等待过久</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="135" />
        <source>A customer waits too long after this many days without a logged contact (a call, visit, meeting or message; notes do not count). Today lists them.</source>
        <translation>客户超过这些天数没有记录联系（电话、拜访、会议或消息；备注不算）即视为等待过久，列在“今天”中。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="144" />
        <source>Level %1 (days):</source>
        <translation>%1 级（天）：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="146" />
        <source>Without a level (days):</source>
        <translation>无等级（天）：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="150" />
        <source>Deals wait too long after the rotting days of their stage, set with each stage of the pipeline.</source>
        <translation>商机在某阶段停留超过该阶段的停滞天数即视为等待过久；停滞天数在销售漏斗的各阶段中设置。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="158" />
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="162" />
        <source>All-day follow-ups remind at:</source>
        <translation>全天跟进的提醒时间：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="166" />
        <source>A follow-up without a time reminds at this hour of its day, in the time zone the computer is in.</source>
        <translation>没有具体时间的跟进在当天的这个时刻提醒，按电脑所在的时区计算。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="174" />
        <source>Lead pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="179" />
        <source>A record goes back to the pool after this many days without a logged contact. The first rule naming its level applies, else the first naming its status; a record no rule names stays with its owner.</source>
        <translation>记录超过这些天数没有记录联系即退回公海。先按第一条匹配其等级的规则，否则按第一条匹配其状态的规则；没有规则匹配的记录保留在负责人名下。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="187" />
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="187" />
        <source>Which</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="187" />
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="200" />
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="202" />
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="211" />
        <source>Warn on Today before a return (days):</source>
        <translation>退回前在“今天”中提前提醒（天）：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="214" />
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="216" />
        <source>Records one person may hold:</source>
        <translation>每人最多负责的记录数：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="224" />
        <location filename="../../ui/workspace_settings/followup_tab.py" line="466" />
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="226" />
        <source>Keep a calendar file up to date</source>
        <translation>保持日历文件为最新</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="228" />
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="242" />
        <source>Every planned follow-up, rewritten after each change. Outlook, Google Calendar and Apple Calendar can subscribe to the file or import it. Each computer keeps its own file.</source>
        <translation>包含所有计划中的跟进，每次更改后重写。Outlook、Google 日历和 Apple 日历可以订阅或导入此文件。每台电脑各自保存自己的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="249" />
        <source>Export calendar (.ics)…</source>
        <translation>导出日历 (.ics)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="295" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="296" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="372" />
        <source>Two return rules name “%1”: only the first would ever apply. Change or remove one of them.</source>
        <translation>有两条退回规则都指定了“%1”：只有第一条会生效。请修改或删除其中一条。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="382" />
        <source>A return rule needs a level or a status, and 1 to 3650 days.</source>
        <translation>退回规则需要指定等级或状态，天数为 1 到 3650。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="425" />
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="425" />
        <source>No file kept.</source>
        <translation>未保存日历文件。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/followup_tab.py" line="438" />
        <source>Keep a calendar file in…</source>
        <translation>日历文件保存到…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspace_settings/followup_tab.py" line="458" />
        <source>The calendar file holds %n events: %1</source>
        <translation>
            <numerusform>日历文件包含 %n 个日程：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FromQuote</name>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="175" />
        <source>Contract made of quote %1.</source>
        <translation>已由报价单 %1 生成合同。</translation>
    </message>
</context>
<context>
    <name>FromQuoteDialog</name>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="59" />
        <source>Make a contract of quote %1</source>
        <translation>由报价单 %1 生成合同</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="62" />
        <source>%1 · %2 · total %3</source>
        <translation>%1 · %2 · 合计 %3</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="78" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="80" />
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="82" />
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="84" />
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="93" />
        <source>Payment plan</source>
        <translation>付款计划</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="108" />
        <source>This quote was rejected or has expired: it cannot become a contract.</source>
        <translation>该报价单已被拒绝或已过期，不能生成合同。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="109" />
        <source>The quote is not accepted yet: making the contract accepts it.</source>
        <translation>该报价单尚未接受：生成合同时将同时标记为已接受。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="128" />
        <source>A contract needs a title.</source>
        <translation>合同需要标题。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/from_quote_dialog.py" line="135" />
        <source>The contract cannot end before it starts.</source>
        <translation>合同的结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>GlobalSearch</name>
    <message>
        <location filename="../../ui/search_box.py" line="33" />
        <source>Search everything (Ctrl+K)</source>
        <translation>全局搜索 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="53" />
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="54" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="55" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="56" />
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/search_box.py" line="66" />
        <source>No matches</source>
        <translation>没有匹配结果</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../ui/help/help_window.py" line="44" />
        <source>Desktop CRM User Guide</source>
        <translation>Desktop CRM 用户指南</translation>
    </message>
    <message>
        <location filename="../../ui/help/help_window.py" line="79" />
        <source>The user guide is missing from this installation.</source>
        <translation>此安装中缺少用户指南。</translation>
    </message>
</context>
<context>
    <name>HubForm</name>
    <message>
        <location filename="../../ui/team/hub_form.py" line="56" />
        <source>Remember the password in this computer's keychain</source>
        <translation>在本机钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../../ui/team/hub_form.py" line="57" />
        <source>Hub address:</source>
        <translation>团队中心地址：</translation>
    </message>
    <message>
        <location filename="../../ui/team/hub_form.py" line="58" />
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/team/hub_form.py" line="59" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/team/hub_form.py" line="60" />
        <source>Encryption:</source>
        <translation>加密：</translation>
    </message>
    <message>
        <location filename="../../ui/team/hub_form.py" line="77" />
        <source>Enter the hub's address.</source>
        <translation>请输入团队中心的地址。</translation>
    </message>
    <message>
        <location filename="../../ui/team/hub_form.py" line="79" />
        <source>Enter your user name on the hub.</source>
        <translation>请输入您在团队中心的用户名。</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="15" />
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="16" />
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="17" />
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="18" />
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="19" />
        <source>Quotes (one row per line)</source>
        <translation>报价单（每行一个明细）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="20" />
        <source>Payments received</source>
        <translation>回款</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="21" />
        <source>Planned follow-ups (calls, visits)</source>
        <translation>跟进计划（电话、拜访）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="29" />
        <source>Custom field: %1</source>
        <translation>自定义字段：%1</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="31" />
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="32" />
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="33" />
        <source>Second name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="34" />
        <source>Tax included</source>
        <translation>含税</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="35" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="36" />
        <source>Quote No.</source>
        <translation>报价单号</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="37" />
        <source>Product code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="38" />
        <source>Quote status</source>
        <translation>报价状态</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="39" />
        <source>Optional line</source>
        <translation>可选明细</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="40" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="41" />
        <source>Contact (name, phone or customer number)</source>
        <translation>联系人（姓名、电话或客户编号）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="44" />
        <source>Due date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="45" />
        <source>Time (empty: all day)</source>
        <translation>时间（留空为全天）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="46" />
        <source>Type (call, meeting, visit…)</source>
        <translation>类型（电话、会议、拜访…）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="47" />
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="48" />
        <source>Repeat (weekly, every 2 weeks…)</source>
        <translation>重复（每周、每2周…）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="53" />
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="54" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="55" />
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="56" />
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="57" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="58" />
        <source>Job title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="60" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="61" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="62" />
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="63" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="64" />
        <source>Home phone</source>
        <translation>家庭电话</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="65" />
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="66" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="67" />
        <source>Other email</source>
        <translation>其他邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="68" />
        <source>Street</source>
        <translation>街道地址</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="69" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="70" />
        <source>Province / state</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="71" />
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="72" />
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="73" />
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="74" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="75" />
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="76" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="77" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="78" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="79" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="80" />
        <source>Level</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="81" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="83" />
        <source>Open / won / lost</source>
        <translation>进行中/赢单/输单</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="84" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="85" />
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="86" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="87" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="88" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="89" />
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="90" />
        <source>Closed on</source>
        <translation>成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="91" />
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="92" />
        <source>Code / SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="93" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="94" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="95" />
        <location filename="../../ui/imports/field_labels.py" line="103" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="96" />
        <source>Tax rate %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="97" />
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="98" />
        <source>Created (date)</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="99" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="100" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="101" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="102" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="104" />
        <source>Discount (10% or an amount)</source>
        <translation>折扣（10% 或金额）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="105" />
        <source>Price includes tax</source>
        <translation>含税</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="106" />
        <source>Contract No.</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="107" />
        <source>Payment method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="108" />
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="117" />
        <source>Year-month-day (2025-03-04)</source>
        <translation>年-月-日（2025-03-04）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="118" />
        <source>Day/month/year (04/03/2025)</source>
        <translation>日/月/年（04/03/2025）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="119" />
        <source>Month/day/year (03/04/2025)</source>
        <translation>月/日/年（03/04/2025）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="127" />
        <source>Skip them (change nothing)</source>
        <translation>跳过（不做改动）</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="128" />
        <source>Fill their empty fields</source>
        <translation>只填写空白字段</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="129" />
        <source>Overwrite with the file's values</source>
        <translation>用文件中的值覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/imports/field_labels.py" line="130" />
        <source>Create new records anyway</source>
        <translation>仍然新建记录</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="26" />
        <source>%Ln people created</source>
        <translation>
            <numerusform>已新建 %Ln 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="27" />
        <source>%Ln people updated</source>
        <translation>
            <numerusform>已更新 %Ln 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="28" />
        <source>%Ln people skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="31" />
        <source>%Ln companies created</source>
        <translation>
            <numerusform>已新建 %Ln 家公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="32" />
        <source>%Ln companies updated</source>
        <translation>
            <numerusform>已更新 %Ln 家公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="33" />
        <source>%Ln companies skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 家公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="36" />
        <source>%Ln deals created</source>
        <translation>
            <numerusform>已新建 %Ln 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="37" />
        <source>%Ln deals updated</source>
        <translation>
            <numerusform>已更新 %Ln 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="38" />
        <source>%Ln deals skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="41" />
        <source>%Ln products created</source>
        <translation>
            <numerusform>已新建 %Ln 个产品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="42" />
        <source>%Ln products updated</source>
        <translation>
            <numerusform>已更新 %Ln 个产品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="43" />
        <source>%Ln products skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 个产品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="46" />
        <source>%Ln quotes created</source>
        <translation>
            <numerusform>已新建 %Ln 份报价单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="47" />
        <source>%Ln quotes updated</source>
        <translation>
            <numerusform>已更新 %Ln 份报价单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="48" />
        <source>%Ln quotes skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 份报价单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="51" />
        <source>%Ln payments created</source>
        <translation>
            <numerusform>已新建 %Ln 笔回款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="52" />
        <source>%Ln payments updated</source>
        <translation>
            <numerusform>已更新 %Ln 笔回款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="53" />
        <source>%Ln payments skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 笔回款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="56" />
        <source>%Ln follow-ups planned</source>
        <translation>
            <numerusform>已计划 %Ln 条跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="57" />
        <source>%Ln follow-ups updated</source>
        <translation>
            <numerusform>已更新 %Ln 条跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="58" />
        <source>%Ln follow-ups skipped</source>
        <translation>
            <numerusform>已跳过 %Ln 条跟进</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="66" />
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="67" />
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln 家公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="68" />
        <source>%Ln deals</source>
        <translation>
            <numerusform>%Ln 个商机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="69" />
        <source>%Ln products</source>
        <translation>
            <numerusform>%Ln 个产品</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="70" />
        <source>%Ln quotes</source>
        <translation>
            <numerusform>%Ln 份报价单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="71" />
        <source>%Ln payments</source>
        <translation>
            <numerusform>%Ln 笔回款</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="72" />
        <source>%Ln follow-ups</source>
        <translation>
            <numerusform>%Ln 条跟进</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="88" />
        <source>%1 created, %2 updated, %3 skipped</source>
        <translation>新建 %1，更新 %2，跳过 %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="95" />
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln 行失败</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="96" />
        <location filename="../../ui/imports/import_summary.py" line="104" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="106" />
        <source>The import will create: %1; update: %2; skip: %3.</source>
        <translation>本次导入将新建：%1；更新：%2；跳过：%3。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="116" />
        <source>email address</source>
        <translation>邮箱地址</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="117" />
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="118" />
        <source>organization</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="124" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="126" />
        <source>; …</source>
        <translation>；……</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="137" />
        <source>Row %1 has no name; named “%2” from its %3.</source>
        <translation>第 %1 行没有姓名；已按其%3命名为“%2”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="143" />
        <source>%Ln rows have no name; each was named from its %1 (%2).</source>
        <translation>
            <numerusform>%Ln 行没有姓名；均已按其%1命名（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="148" />
        <location filename="../../ui/imports/import_summary.py" line="204" />
        <source>row %1: “%2”</source>
        <translation>第 %1 行：“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="153" />
        <source>Card %1 (line %2) has no name; named “%3” from its %4.</source>
        <translation>第 %1 张名片（第 %2 行）没有姓名；已按其%4命名为“%3”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="160" />
        <source>%Ln cards have no name; each was named from its %1 (%2).</source>
        <translation>
            <numerusform>%Ln 张名片没有姓名；均已按其%1命名（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="165" />
        <source>card %1: “%2”</source>
        <translation>第 %1 张名片：“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="169" />
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="171" />
        <source>%1: %Ln values could not be stored as mapped and were kept in notes (%2).</source>
        <translation>
            <numerusform>%1：%Ln 个值无法按所选字段保存，已保留在备注中（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="178" />
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="182" />
        <source>Card %1 (line %2): %3</source>
        <translation>第 %1 张名片（第 %2 行）：%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="183" />
        <source>%Ln cards have values that were not kept (%1).</source>
        <translation>
            <numerusform>%Ln 张名片有未保留的值（%1）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="185" />
        <source>card %1: %2</source>
        <translation>第 %1 张名片：%2</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="191" />
        <source>Row %1: stage “%2” is not in the pipeline; the deal starts in the first stage and the name is kept in its notes.</source>
        <translation>第 %1 行：阶段“%2”不在销售流程中；商机从第一个阶段开始，该阶段名称保留在备注中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="198" />
        <source>%Ln deals name a stage that is not in the pipeline; they start in the first stage and the names are kept in their notes (%1).</source>
        <translation>
            <numerusform>%Ln 个商机的阶段不在销售流程中；它们从第一个阶段开始，阶段名称保留在备注中（%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="209" />
        <source>%1: “%2” is not a user (%Ln rows); kept in notes.</source>
        <translation>
            <numerusform>%1：“%2”不是本工作区的用户（%Ln 行）；已保留在备注中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="213" />
        <source>%1: %2 names are not users (%Ln rows); kept in notes.</source>
        <translation>
            <numerusform>%1：%2 个名字不是本工作区的用户（%Ln 行）；已保留在备注中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_summary.py" line="218" />
        <source>%1: added “%2” as a user.</source>
        <translation>%1：已将“%2”添加为用户。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="219" />
        <source>%1: added %Ln users (%2).</source>
        <translation>
            <numerusform>%1：已添加 %Ln 位用户（%2）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/imports/import_summary.py" line="223" />
        <source>The whole workspace (%Ln rows, history included) was loaded.</source>
        <translation>
            <numerusform>已载入整个工作区（%Ln 行，含历史记录）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="88" />
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="109" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="41" />
        <source>&amp;Join a Team Workspace…</source>
        <translation>加入团队工作区(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="72" />
        <location filename="../../ui/team/join_dialog.py" line="162" />
        <source>Join a Team Workspace</source>
        <translation>加入团队工作区</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="75" />
        <source>Download your team's workspace from its hub into a new file on this computer. You keep working in that file offline; your changes go to the hub and your team's come back whenever the hub can be reached.</source>
        <translation>从团队中心把团队的工作区下载到本机的一个新文件中。您可以离线继续在该文件中工作；只要能连上团队中心，您的修改就会上传，团队的修改也会同步回来。</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="82" />
        <source>team.crm</source>
        <translation>团队.crm</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="83" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="88" />
        <source>New file:</source>
        <translation>新文件：</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="93" />
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="108" />
        <source>New Team Workspace</source>
        <translation>新建团队工作区</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="130" />
        <source>Choose a name for the new workspace file.</source>
        <translation>请为新的工作区文件起个名字。</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="133" />
        <source>A file is already there. The team's workspace is downloaded into a new file: choose another name.</source>
        <translation>该位置已有文件。团队工作区只会下载到新文件中：请换一个名字。</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="163" />
        <source>Downloading the team's workspace…</source>
        <translation>正在下载团队工作区…</translation>
    </message>
</context>
<context>
    <name>LabelledRows</name>
    <message>
        <location filename="../../ui/contacts/editor_rows.py" line="53" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/contacts/labels.py" line="23" />
        <location filename="../../ui/workspace_settings/followup_tab.py" line="85" />
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/labels.py" line="24" />
        <location filename="../../ui/workspace_settings/followup_tab.py" line="86" />
        <source>Prospect</source>
        <translation>意向客户</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/labels.py" line="25" />
        <location filename="../../ui/workspace_settings/followup_tab.py" line="87" />
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/labels.py" line="26" />
        <location filename="../../ui/workspace_settings/followup_tab.py" line="88" />
        <source>Inactive</source>
        <translation>不活跃</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../ui/language.py" line="16" />
        <source>en</source>
        <translation>zh</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <location filename="../../ui/about/licences_dialog.py" line="32" />
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../ui/about/licences_dialog.py" line="41" />
        <source>Desktop CRM</source>
        <translation>Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/about/licences_dialog.py" line="46" />
        <source>Third-party software</source>
        <translation>第三方软件</translation>
    </message>
    <message>
        <location filename="../../ui/about/licences_dialog.py" line="55" />
        <source>This file is missing from the installation.</source>
        <translation>安装中缺少此文件。</translation>
    </message>
</context>
<context>
    <name>LineTools</name>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="65" />
        <source>Add:</source>
        <translation>添加：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="70" />
        <source>Quick Add Product…</source>
        <translation>快速新增产品…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="71" />
        <source>Not in the catalogue? Add it with its price and tax</source>
        <translation>产品目录里没有？连同价格和税率一起新增</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="73" />
        <source>Free Text Line</source>
        <translation>自由文本行</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="75" />
        <source>Section Heading</source>
        <translation>分组标题</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="78" />
        <source>New section</source>
        <translation>新分组</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="84" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="84" />
        <source>Duplicate the line (Ctrl+D)</source>
        <translation>复制此行 (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="87" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="87" />
        <source>Delete the selected lines</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="89" />
        <source>Move the line up (Ctrl+Up)</source>
        <translation>上移此行 (Ctrl+Up)</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/line_tools.py" line="91" />
        <source>Move the line down (Ctrl+Down)</source>
        <translation>下移此行 (Ctrl+Down)</translation>
    </message>
</context>
<context>
    <name>LostReasonDialog</name>
    <message>
        <location filename="../../ui/deals/lost_reason.py" line="54" />
        <source>Deal lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../ui/deals/lost_reason.py" line="58" />
        <source>Why was “%1” lost?</source>
        <translation>“%1”为什么输单？</translation>
    </message>
    <message>
        <location filename="../../ui/deals/lost_reason.py" line="58" />
        <source>Why was it lost?</source>
        <translation>为什么输单？</translation>
    </message>
    <message>
        <location filename="../../ui/deals/lost_reason.py" line="71" />
        <source>Choose a reason or type one</source>
        <translation>选择原因或自行输入</translation>
    </message>
    <message>
        <location filename="../../ui/deals/lost_reason.py" line="73" />
        <source>The reports count lost deals by reason.</source>
        <translation>报表按原因统计输单。</translation>
    </message>
    <message>
        <location filename="../../ui/deals/lost_reason.py" line="82" />
        <source>Mark lost</source>
        <translation>标记为输单</translation>
    </message>
</context>
<context>
    <name>LostReasonsBox</name>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="41" />
        <source>Lost reasons</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="48" />
        <source>Offered when a deal is lost, in this order (any other reason may be typed). Renaming or removing one leaves the deals already lost as they are.</source>
        <translation>商机输单时按此顺序提供这些原因（也可以输入其他原因）。重命名或删除某个原因不会改变已输单的商机。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="65" />
        <source>Add reason…</source>
        <translation>添加原因…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="67" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="69" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="71" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="102" />
        <source>Add lost reason</source>
        <translation>添加输单原因</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/lost_reasons.py" line="102" />
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="93" />
        <location filename="../../ui/main_window.py" line="477" />
        <source>Desktop CRM</source>
        <translation>Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="20" />
        <source>&amp;New Workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="25" />
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="30" />
        <source>Open &amp;Demo Workspace…</source>
        <translation>打开演示工作区(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="114" />
        <source>Create It</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="118" />
        <source>Open Another…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>&amp;Search…</source>
        <translation>搜索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180" />
        <source>Plan &amp;Follow-up…</source>
        <translation>计划跟进(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/help/menu.py" line="15" />
        <source>&amp;User Guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/help/menu.py" line="19" />
        <source>&amp;About Desktop CRM</source>
        <translation>关于 Desktop CRM(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290" />
        <source>%1 — Desktop CRM</source>
        <translation>%1 — Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="85" />
        <source>Damaged workspace</source>
        <translation>工作区已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="88" />
        <source>Restore the newest good backup? The damaged file is kept beside it, renamed.</source>
        <translation>要恢复最新的完好备份吗？损坏的文件会改名后保留在原处。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355" />
        <source>Backing up and closing…</source>
        <translation>正在备份并关闭…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="40" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>Saved view</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325" />
        <source>Backup restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="50" />
        <source>New Workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location filename="../../ui/team/join_dialog.py" line="110" />
        <location filename="../../ui/workspace_files.py" line="55" />
        <source>Desktop CRM workspaces (*.crm)</source>
        <translation>Desktop CRM 工作区 (*.crm)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="48" />
        <source>Demo Workspace</source>
        <translation>演示工作区</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="65" />
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_files.py" line="67" />
        <source>Desktop CRM workspaces (*.crm);;All files (*)</source>
        <translation>Desktop CRM 工作区 (*.crm);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="310" />
        <source>Choose where each column goes</source>
        <translation>选择每一列导入到哪里</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="312" />
        <source>Columns left on “Keep in notes” are added to each record's notes.</source>
        <translation>选择“保存到备注”的列会追加到每条记录的备注中。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="316" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="316" />
        <source>Examples</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="316" />
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="316" />
        <source>Dates written</source>
        <translation>日期写法</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="363" />
        <source>Choose the column that holds %1.</source>
        <translation>请选择包含 %1 的列。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="377" />
        <source>Keep in notes</source>
        <translation>保存到备注</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="386" />
        <source>New custom field…</source>
        <translation>新建自定义字段…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="406" />
        <source>New custom field</source>
        <translation>新建自定义字段</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="407" />
        <source>Name of the field:</source>
        <translation>字段名称：</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="173" />
        <source>Merge people</source>
        <translation>合并联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="182" />
        <source>Choose which value to keep for each field. Every phone, email, activity, deal and quote of both is kept. You can undo the merge with Ctrl+Z.</source>
        <translation>为每个字段选择要保留的值。双方的电话、邮箱、活动、商机和报价都会保留。可以用 Ctrl+Z 撤销合并。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="192" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="204" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="205" />
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="206" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="207" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="208" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="209" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="210" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="211" />
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="212" />
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="213" />
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/duplicates_dialog.py" line="215" />
        <source>Keep as</source>
        <translation>保留为</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="26" />
        <source>Could not use %1: %2.</source>
        <translation>无法使用 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="36" />
        <source>This workspace is already open in another Desktop CRM window (process %1). Close it there first.</source>
        <translation>此工作区已在另一个 Desktop CRM 窗口中打开（进程 %1）。请先在那里关闭它。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="45" />
        <source>The workspace file %1 is damaged: %2</source>
        <translation>工作区文件 %1 已损坏：%2</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52" />
        <source>%1 was last written by Desktop CRM %2 (this is %3): install Desktop CRM %2 or newer to open it; the file was not changed.</source>
        <translation>%1 最后由 Desktop CRM %2 写入（当前版本为 %3）：请安装 Desktop CRM %2 或更新版本后再打开；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="62" />
        <source>%1 was written by a newer version of Desktop CRM. Update Desktop CRM to open it; the file was not changed.</source>
        <translation>%1 由更新版本的 Desktop CRM 写入。请升级 Desktop CRM 后再打开；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71" />
        <source>%1 is not a Desktop CRM workspace.</source>
        <translation>%1 不是 Desktop CRM 工作区。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74" />
        <source>There is no workspace at %1.</source>
        <translation>%1 处没有工作区。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="76" />
        <source>Nothing to undo or redo.</source>
        <translation>没有可撤销或重做的操作。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78" />
        <source>This cannot be undone because later edits changed the same data. Nothing was changed.</source>
        <translation>无法撤销：之后的编辑修改了相同的数据。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84" />
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89" />
        <source>The workspace could not be written: %1. Nothing was changed.</source>
        <translation>无法写入工作区：%1。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="95" />
        <source>Cancelled. Nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103" />
        <source>An unexpected error stopped this, and its details could not be written to a log.</source>
        <translation>发生意外错误，操作已停止；详细信息未能写入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109" />
        <source>Could not %1: an unexpected error happened. The details are in %2.</source>
        <translation>无法%1：发生意外错误。详细信息见 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116" />
        <source>An unexpected error stopped this. The details are in %1.</source>
        <translation>发生意外错误，操作已停止。详细信息见 %1。</translation>
    </message>
</context>
<context>
    <name>NoMatchPanel</name>
    <message>
        <location filename="../../ui/empty_state.py" line="93" />
        <source>No contacts match —</source>
        <translation>没有符合条件的联系人 —</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="94" />
        <source>Clear filter</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>OperationLabels</name>
    <message>
        <location filename="../../ui/operation_labels.py" line="33" />
        <source>Undo %1</source>
        <translation>撤销 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="35" />
        <source>Redo %1</source>
        <translation>重做 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="39" />
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="41" />
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="43" />
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="46" />
        <source>Delete %n companies</source>
        <translation>
            <numerusform>删除 %n 家公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="48" />
        <source>Delete %n people</source>
        <translation>
            <numerusform>删除 %n 位联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="52" />
        <source>Set %1 of %n companies</source>
        <translation>
            <numerusform>设置 %n 家公司的%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="54" />
        <source>Set %1 of %n people</source>
        <translation>
            <numerusform>设置 %n 位联系人的%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="59" />
        <source>Tag %n companies with %1</source>
        <translation>
            <numerusform>为 %n 家公司添加标签 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="61" />
        <source>Tag %n people with %1</source>
        <translation>
            <numerusform>为 %n 位联系人添加标签 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="66" />
        <source>Log %1 with %2</source>
        <translation>记录与 %2 的%1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="68" />
        <source>Add field %1</source>
        <translation>添加字段 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="70" />
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="72" />
        <source>Merge %n people into %1</source>
        <translation>
            <numerusform>将 %n 位联系人合并到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="74" />
        <source>Add product %1</source>
        <translation>添加产品 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="75" />
        <source>Edit product %1</source>
        <translation>编辑产品 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="76" />
        <source>Archive product %1</source>
        <translation>停售产品 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="77" />
        <source>Unarchive product %1</source>
        <translation>恢复在售产品 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="78" />
        <source>Delete product %1</source>
        <translation>删除产品 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="84" />
        <source>Add quote %1</source>
        <translation>添加报价单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="85" />
        <source>Edit quote %1</source>
        <translation>编辑报价单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="86" />
        <source>Delete quote %1</source>
        <translation>删除报价单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="92" />
        <source>Revise quote %1 (rev %2)</source>
        <translation>修订报价单 %1（第 %2 版）</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="95" />
        <source>Mark quote %1 %2</source>
        <translation>将报价单 %1 标记为%2</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="97" />
        <source>Add template %1</source>
        <translation>添加模板 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="98" />
        <source>Edit template %1</source>
        <translation>编辑模板 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="99" />
        <source>Delete template %1</source>
        <translation>删除模板 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="104" />
        <source>Edit contract %1</source>
        <translation>编辑合同 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="105" />
        <source>Change the payment plan of %1</source>
        <translation>修改合同 %1 的付款计划</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="106" />
        <source>Edit a payment on %1</source>
        <translation>编辑合同 %1 的回款</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="107" />
        <source>Delete a payment on %1</source>
        <translation>删除合同 %1 的回款</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="108" />
        <source>Delete contract %1</source>
        <translation>删除合同 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="114" />
        <source>Make contract %1 from quote %2</source>
        <translation>由报价单 %2 生成合同 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="116" />
        <source>Plan follow-up %1</source>
        <translation>计划跟进 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="117" />
        <source>Edit follow-up %1</source>
        <translation>编辑跟进 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="118" />
        <source>Reschedule follow-up %1</source>
        <translation>改期跟进 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="119" />
        <source>Snooze follow-up %1</source>
        <translation>稍后提醒跟进 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="120" />
        <source>Cancel follow-up %1</source>
        <translation>取消跟进 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="121" />
        <source>Complete follow-up %1</source>
        <translation>完成跟进 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="126" />
        <source>Add pipeline %1</source>
        <translation>添加销售流程 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="127" />
        <source>Edit pipeline %1</source>
        <translation>编辑销售流程 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="128" />
        <source>Add stage %1</source>
        <translation>添加阶段 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="129" />
        <source>Edit stage %1</source>
        <translation>编辑阶段 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="130" />
        <source>Reorder the stages of %1</source>
        <translation>调整 %1 的阶段顺序</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="131" />
        <source>Delete stage %1</source>
        <translation>删除阶段 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="132" />
        <source>Add deal %1</source>
        <translation>添加商机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="133" />
        <source>Edit deal %1</source>
        <translation>编辑商机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="134" />
        <source>Delete deal %1</source>
        <translation>删除商机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="135" />
        <source>Restore deal %1</source>
        <translation>恢复商机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="136" />
        <source>Mark deal %1 won</source>
        <translation>将商机 %1 标记为赢单</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="137" />
        <source>Mark deal %1 lost</source>
        <translation>将商机 %1 标记为输单</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="138" />
        <source>Reopen deal %1</source>
        <translation>重新打开商机 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="144" />
        <source>Move deal %1 to %2</source>
        <translation>将商机 %1 移至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="147" />
        <source>Record %1 received on %2</source>
        <translation>登记回款 %1（合同 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="149" />
        <source>Set sales targets for %1</source>
        <translation>设置 %1 年销售目标</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="151" />
        <source>Claim %1</source>
        <translation>领取 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="153" />
        <source>Claim %n records</source>
        <translation>
            <numerusform>领取 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="155" />
        <source>Release %1 to the pool</source>
        <translation>将 %1 退回公海</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="158" />
        <source>Plan %n follow-ups: %1</source>
        <translation>
            <numerusform>计划 %n 个跟进：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="161" />
        <source>Changes by %1 from the team hub</source>
        <translation>%1 在团队中心的更改</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="164" />
        <source>Resolve conflict: %1 of %2</source>
        <translation>解决冲突：%2 的 %1</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="167" />
        <source>Join the team hub as %1</source>
        <translation>以 %1 加入团队中心</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/operation_labels.py" line="169" />
        <source>Returned %n records to the pool</source>
        <translation>
            <numerusform>%n 条记录已退回公海</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="171" />
        <source>Change settings</source>
        <translation>更改设置</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="172" />
        <source>Create demo data</source>
        <translation>创建演示数据</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="173" />
        <source>Create workspace</source>
        <translation>创建工作区</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="174" />
        <source>Rebuild search</source>
        <translation>重建搜索索引</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="186" />
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="187" />
        <source>level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="188" />
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="196" />
        <source>call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="197" />
        <source>meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="198" />
        <source>visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="199" />
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="200" />
        <source>message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="201" />
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="209" />
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="210" />
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="211" />
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="212" />
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/operation_labels.py" line="213" />
        <source>expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="471" />
        <source>Records already in the workspace</source>
        <translation>工作区中已有的记录</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="473" />
        <source>A row is the same person when it has the same:</source>
        <translation>以下信息相同时视为同一个人：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="476" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="477" />
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="478" />
        <source>Name at the same company</source>
        <translation>同一公司下的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="488" />
        <source>When a row matches a record already there:</source>
        <translation>某行与已有记录相同时：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="510" />
        <source>Companies are matched by name.</source>
        <translation>公司按名称匹配。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="511" />
        <source>Deals are matched by name and company.</source>
        <translation>商机按名称和公司匹配。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="512" />
        <source>Products are matched by code, or by name when there is none.</source>
        <translation>产品按编码匹配，没有编码时按名称匹配。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="514" />
        <source>A quote whose number is already in the workspace is not imported (never merged); it is listed with the rows that cannot be imported.</source>
        <translation>单号已存在的报价单不会导入（绝不合并），会与无法导入的行一起列出。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="518" />
        <source>A payment is the same when it has the same contract, date and amount.</source>
        <translation>合同、日期和金额都相同的回款视为同一笔。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="521" />
        <source>A follow-up is the same when it has the same contact, due date and time, type and subject. Times are in this computer's time zone.</source>
        <translation>联系人、日期和时间、类型及主题都相同的跟进视为同一条。时间按本机时区。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="551" />
        <source>Checking the whole file…</source>
        <translation>正在检查整个文件…</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="559" />
        <source>Rows that cannot be imported: %1. They will be listed with the reason in an error workbook next to the file.</source>
        <translation>无法导入的行：%1。这些行及原因会列在文件旁边的错误工作簿中。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="564" />
        <source>Edit &gt; Undo takes the whole import back.</source>
        <translation>“编辑 &gt; 撤销”可撤回整次导入。</translation>
    </message>
</context>
<context>
    <name>OwnersPage</name>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="574" />
        <source>Owners who are not users yet</source>
        <translation>尚不是用户的负责人</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="577" />
        <source>The owner column names people who are not users of this workspace. Add them as users (your salespeople), or choose the user each name means. Names left on “Keep in notes” are kept in each record's notes.</source>
        <translation>负责人列中有些人还不是本工作区的用户。可以把他们添加为用户（比如你的销售人员），或为每个名字选择对应的现有用户。选择“保留在备注中”的名字会写入每条记录的备注。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="584" />
        <source>Name in the file</source>
        <translation>文件中的名字</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="584" />
        <source>Becomes</source>
        <translation>对应为</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="588" />
        <source>Add All as Users</source>
        <translation>全部添加为用户</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="590" />
        <source>Keep All in Notes</source>
        <translation>全部保留在备注中</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="608" />
        <source>Keep in notes</source>
        <translation>保存到备注</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="609" />
        <source>Add as a user</source>
        <translation>添加为用户</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="612" />
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="48" />
        <source>Record a payment on %1</source>
        <translation>登记合同 %1 的回款</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="50" />
        <source>Edit a payment on %1</source>
        <translation>编辑合同 %1 的回款</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="55" />
        <source>Date received</source>
        <translation>收款日期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="57" />
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="58" />
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="60" />
        <source>Automatic: the oldest unpaid instalments first</source>
        <translation>自动：先冲抵最早未收的期次</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="64" />
        <source>No. %1, due %2: %3 of %4 outstanding</source>
        <translation>第 %1 期，%2 到期：%4 中未收 %3</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="72" />
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="76" />
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="78" />
        <source>Reference</source>
        <translation>流水号</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="80" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="82" />
        <source>%1 is still owed on this contract.</source>
        <translation>本合同尚欠 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/payment_dialog.py" line="113" />
        <source>Type the amount received.</source>
        <translation>请输入收到的金额。</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="301" />
        <source>Zoom out (Ctrl+−)</source>
        <translation>缩小 (Ctrl+−)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="302" />
        <source>Zoom in (Ctrl++)</source>
        <translation>放大 (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="304" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="304" />
        <source>Fit the page to the width</source>
        <translation>按窗口宽度显示页面</translation>
    </message>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="342" />
        <source>No preview yet.</source>
        <translation>暂无预览。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="362" />
        <source>The preview of %1 cannot be shown: %2</source>
        <translation>无法显示 %1 的预览：%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="444" />
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../ui/printing/pdf_view.py" line="452" />
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="83" />
        <source>New person</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="84" />
        <source>Edit person</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="85" />
        <source>New company</source>
        <translation>新建公司</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="86" />
        <source>Edit company</source>
        <translation>编辑公司</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="133" />
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="134" />
        <source>Add phone</source>
        <translation>添加电话</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="137" />
        <source>Email address</source>
        <translation>邮箱地址</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="137" />
        <source>Add email</source>
        <translation>添加邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="140" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="141" />
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="142" />
        <source>Company:</source>
        <translation>公司：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="143" />
        <source>Title:</source>
        <translation>职位：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="144" />
        <source>Department:</source>
        <translation>部门：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="145" />
        <source>Phones:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="146" />
        <source>Emails:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="148" />
        <source>Add address</source>
        <translation>添加地址</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="150" />
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="151" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="152" />
        <source>Province / state</source>
        <translation>省 / 州</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="153" />
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="154" />
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="157" />
        <source>Addresses:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="159" />
        <source>VIP, 老客户 … (separate with commas)</source>
        <translation>VIP, 老客户 …（用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="160" />
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="163" />
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="164" />
        <source>Add messenger</source>
        <translation>添加通讯账号</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="166" />
        <source>Other messengers:</source>
        <translation>其他通讯方式：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="167" />
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="168" />
        <source>Level:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="169" />
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="170" />
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="171" />
        <source>WeChat:</source>
        <translation>微信：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="172" />
        <source>Website:</source>
        <translation>网站：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="173" />
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="177" />
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="179" />
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="184" />
        <source>Photo:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="188" />
        <source>New field…</source>
        <translation>新字段…</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="189" />
        <source>Add a field of your own to every person</source>
        <translation>为所有联系人添加自定义字段</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="191" />
        <source>More:</source>
        <translation>更多：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="464" />
        <source>A company called “%1” already exists.</source>
        <translation>已有名为“%1”的公司。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="466" />
        <source>A name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="468" />
        <source>“%1” is not a phone number.</source>
        <translation>“%1”不是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="471" />
        <source>“%1” contains a space.</source>
        <translation>“%1”中含有空格。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="473" />
        <source>“%1” is not an email address.</source>
        <translation>“%1”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="490" />
        <source>Choose photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="490" />
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="520" />
        <source>yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="539" />
        <location filename="../../ui/contacts/person_editor.py" line="549" />
        <source>New field</source>
        <translation>新字段</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="539" />
        <source>Field name:</source>
        <translation>字段名称：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="543" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="544" />
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="545" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="546" />
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="549" />
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="582" />
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="583" />
        <source>same email</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="584" />
        <source>similar name at the same company</source>
        <translation>同公司且姓名相近</translation>
    </message>
    <message>
        <location filename="../../ui/contacts/person_editor.py" line="589" />
        <source>Possible duplicate: %1</source>
        <translation>可能重复：%1</translation>
    </message>
</context>
<context>
    <name>PipelineScreen</name>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="68" />
        <location filename="../../ui/pipeline/pipeline_screen.py" line="70" />
        <location filename="../../ui/pipeline/pipeline_screen.py" line="120" />
        <source>Pipeline</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="72" />
        <source>Filter by title, number or customer…</source>
        <translation>按标题、编号或客户筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="75" />
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="78" />
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="79" />
        <source>Customers with this tag</source>
        <translation>带此标签的客户</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="84" />
        <source>Expected to close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="86" />
        <source>New Deal…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="98" />
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="99" />
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="248" />
        <source>%n open deals · %1 · weighted %2</source>
        <translation>
            <numerusform>%n 个进行中的商机 · %1 · 加权 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="266" />
        <source>%n d</source>
        <comment>days in the stage</comment>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="267" />
        <source>No customer</source>
        <translation>无客户</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="271" />
        <source>%1 · %2 · %3 %</source>
        <translation>%1 · %2 · %3 %</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="273" />
        <source>%1 · weighted %2</source>
        <translation>%1 · 加权 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="289" />
        <source>Won (drop here) · %n</source>
        <translation>
            <numerusform>赢单（拖到这里）· %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pipeline/pipeline_screen.py" line="290" />
        <source>Lost (drop here) · %n</source>
        <translation>
            <numerusform>输单（拖到这里）· %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="295" />
        <source>Any close date</source>
        <translation>任意成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="296" />
        <source>Closing this month</source>
        <translation>本月成交</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="297" />
        <source>Closing in 3 months</source>
        <translation>3 个月内成交</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="298" />
        <source>Closing this quarter</source>
        <translation>本季度成交</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="299" />
        <source>Close date passed</source>
        <translation>已过预计成交日</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="326" />
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/pipeline_screen.py" line="326" />
        <source>Why was it lost?</source>
        <translation>输单原因？</translation>
    </message>
</context>
<context>
    <name>PipelinesTab</name>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="67" />
        <source>Changes here are saved at once, each as one step that Edit › Undo takes back.</source>
        <translation>此处的更改会立即保存，每次更改都可以用“编辑 › 撤销”单独撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="74" />
        <source>Pipeline:</source>
        <translation>销售流程：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="79" />
        <source>Add pipeline…</source>
        <translation>添加销售流程…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="80" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="85" />
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="97" />
        <source>Stages</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="104" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="105" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="106" />
        <source>Add stage…</source>
        <translation>添加阶段…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="107" />
        <source>Delete stage…</source>
        <translation>删除阶段…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="108" />
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="117" />
        <source>A deal takes its stage's win probability whenever it enters the stage; a new probability applies to the deals in the stage at once. A deal waiting longer than the rotting days is marked on the board.</source>
        <translation>商机每次进入某个阶段时都会采用该阶段的赢单概率；修改概率后，该阶段中的商机立即采用新概率。商机停留超过停滞天数时，会在看板上标出。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="192" />
        <source>Empty: the workspace's currency (%1).</source>
        <translation>留空：使用工作区的币种（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="194" />
        <source>Empty: the workspace's currency.</source>
        <translation>留空：使用工作区的币种。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="223" />
        <source>A pipeline keeps its won and lost stages and at least one open stage.</source>
        <translation>销售流程必须保留赢单和输单阶段，以及至少一个进行中的阶段。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="230" />
        <source>Add pipeline</source>
        <translation>添加销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="230" />
        <source>Name of the new pipeline:</source>
        <translation>新销售流程的名称：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="234" />
        <source>Pipeline added.</source>
        <translation>销售流程已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="243" />
        <source>Rename pipeline</source>
        <translation>重命名销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="243" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="248" />
        <source>Pipeline renamed.</source>
        <translation>销售流程已重命名。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="261" />
        <source>Currency saved.</source>
        <translation>币种已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="270" />
        <source>Stage saved.</source>
        <translation>阶段已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="285" />
        <source>Stages reordered.</source>
        <translation>阶段顺序已调整。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="294" />
        <source>Add stage</source>
        <translation>添加阶段</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="294" />
        <source>Name of the new stage:</source>
        <translation>新阶段的名称：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="303" />
        <source>Stage added.</source>
        <translation>阶段已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="336" />
        <source>Stage %1 deleted.</source>
        <translation>阶段 %1 已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/pipelines_tab.py" line="344" />
        <source>Lost reasons saved.</source>
        <translation>输单原因已保存。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="51" />
        <source>Payment plan of %1</source>
        <translation>合同 %1 的付款计划</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/contract_dialogs.py" line="55" />
        <source>The instalments must come to the contract's total of %1. Payments recorded against an instalment that goes settle the oldest unpaid instalments instead.</source>
        <translation>各期合计必须等于合同总额 %1。登记在被删除期次上的回款将改为冲抵最早未收的期次。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="128" />
        <source>Edit follow-up</source>
        <translation>编辑跟进</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/plan_dialog.py" line="130" />
        <source>Plan %n follow-ups</source>
        <translation>
            <numerusform>计划 %n 项跟进</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="132" />
        <source>Plan follow-up</source>
        <translation>计划跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="140" />
        <source>Type a name, phone or number…</source>
        <translation>输入姓名、电话或编号…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="148" />
        <source>%1 and %2 more</source>
        <translation>%1 等另外 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="151" />
        <source>One follow-up for each of %1 contacts: %2</source>
        <translation>为 %1 个联系人各计划一次跟进：%2</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="153" />
        <source>Each is planned as its own step: Undo takes them back one at a time.</source>
        <translation>每项跟进单独计划：撤销时逐项撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="155" />
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="157" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="160" />
        <source>Optional: type a deal's title or number…</source>
        <translation>可选：输入商机名称或编号…</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="161" />
        <source>Deal</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="165" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="167" />
        <source>What to do, e.g. send the new price list</source>
        <translation>要做什么，例如：发送新价目表</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="168" />
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="170" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="172" />
        <source>Repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="175" />
        <source>A new day moves this one only: the series keeps its days. Change the repeat to change the series.</source>
        <translation>新日期只移动这一次：系列保持原来的日子。要改动整个系列，请修改重复规则。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="185" />
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="186" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="190" />
        <source>Notes (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="192" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="269" />
        <source>Done %1.</source>
        <translation>已于 %1 完成。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="271" />
        <source>Outcome: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="273" />
        <source>Cancelled %1.</source>
        <translation>已于 %1 取消。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="274" />
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="351" />
        <source>Follow-up changed.</source>
        <translation>跟进已修改。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/followups/plan_dialog.py" line="353" />
        <source>%n follow-ups planned.</source>
        <translation>
            <numerusform>已计划 %n 项跟进。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="370" />
        <source>Choose a person, a company or a deal from the list.</source>
        <translation>请从列表中选择一个联系人、公司或商机。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="371" />
        <source>The subject is too long (at most 300 characters).</source>
        <translation>主题太长（最多 300 个字符）。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="372" />
        <source>The time zone is unknown on this computer.</source>
        <translation>本机不认识这个时区。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="373" />
        <source>This repeat cannot be planned.</source>
        <translation>无法按这个重复方式计划。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="374" />
        <source>This follow-up is done or cancelled: it can no longer change.</source>
        <translation>此跟进已完成或已取消，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/plan_dialog.py" line="379" />
        <source>A linked person, company, deal or owner no longer exists.</source>
        <translation>关联的联系人、公司、商机或负责人已不存在。</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="93" />
        <source>Shares of the total (%)</source>
        <translation>按总额比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="94" />
        <source>Amounts (%1)</source>
        <translation>按金额（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="97" />
        <source>Presets:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="100" />
        <source>100% on the start day</source>
        <translation>开始日全额</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="101" />
        <source>30 / 70</source>
        <translation>30 / 70</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="102" />
        <source>50 / 50</source>
        <translation>50 / 50</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="112" />
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="114" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="115" />
        <source>Comes to</source>
        <translation>折合金额</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="124" />
        <source>Add instalment</source>
        <translation>添加一期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="190" />
        <source>Remove this instalment</source>
        <translation>删除这一期</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="217" />
        <source>Share (%)</source>
        <translation>比例（%）</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="217" />
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="245" />
        <source>Give each instalment a share or an amount.</source>
        <translation>请为每一期填写比例或金额。</translation>
    </message>
    <message>
        <location filename="../../ui/contracts/plan_editor.py" line="304" />
        <source>✓ The instalments come to the total, %1.</source>
        <translation>✓ 各期合计等于合同总额 %1。</translation>
    </message>
</context>
<context>
    <name>PoolButton</name>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="60" />
        <location filename="../../ui/followups/pool_button.py" line="89" />
        <source>Release to the pool</source>
        <translation>退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="61" />
        <source>Nobody holds it afterwards; anyone may claim it</source>
        <translation>退回后无人负责，任何人都可以领取</translation>
    </message>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="63" />
        <source>Held by %1. %2</source>
        <translation>由 %1 负责。%2</translation>
    </message>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="66" />
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="67" />
        <source>In the pool: nobody holds it. Claim it to make it yours</source>
        <translation>在公海中，无人负责。领取后归你负责</translation>
    </message>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="78" />
        <source>%1 released to the pool.</source>
        <translation>已将 %1 退回公海。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="82" />
        <source>%1 claimed.</source>
        <translation>已领取 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/followups/pool_button.py" line="91" />
        <source>%1 is held by %2. Release it to the pool anyway?</source>
        <translation>%1 由 %2 负责。仍要退回公海吗？</translation>
    </message>
</context>
<context>
    <name>PoolEmptyPanel</name>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="52" />
        <source>Nothing in the pool. Release a record from its card to keep it for later.</source>
        <translation>公海中没有记录。在记录的卡片上将其退回公海，可留待以后跟进。</translation>
    </message>
</context>
<context>
    <name>PoolScreen</name>
    <message>
        <location filename="../../ui/pool/pool_screen.py" line="49" />
        <source>Lead pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_screen.py" line="75" />
        <source>“%1” is yours now.</source>
        <translation>“%1”现在由你负责。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_screen.py" line="77" />
        <source>Claimed %n records.</source>
        <translation>
            <numerusform>已领取 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_screen.py" line="87" />
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_screen.py" line="96" />
        <source>You hold %n records already, as many as the pool allows. Release one to claim another.</source>
        <translation>
            <numerusform>你已负责 %n 条记录，达到公海允许的上限。退回一条后才能再领取。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_screen.py" line="103" />
        <source>%1 is held by %2: only records in the pool can be claimed.</source>
        <translation>%1 已由 %2 负责：只能领取公海中的记录。</translation>
    </message>
</context>
<context>
    <name>PoolView</name>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="81" />
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="81" />
        <location filename="../../ui/pool/pool_view.py" line="84" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="83" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="85" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="86" />
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="87" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="88" />
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="89" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="90" />
        <source>Returned on</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="94" />
        <source>Lead pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="95" />
        <source>Filter by name, pinyin, company, number, phone…</source>
        <translation>按姓名、拼音、公司、编号、电话筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="98" />
        <source>People and companies</source>
        <translation>联系人和公司</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="99" />
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="100" />
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="108" />
        <source>Leads and customers nobody holds. Claim the ones you will follow up: they become yours, and the claim goes on their timeline.</source>
        <translation>无人负责的线索和客户。领取你要跟进的记录：它们归你负责，领取会记在其时间线上。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="117" />
        <location filename="../../ui/pool/pool_view.py" line="241" />
        <location filename="../../ui/pool/pool_view.py" line="274" />
        <source>Claim</source>
        <translation>领取</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="118" />
        <source>Make the selected records yours (Enter)</source>
        <translation>领取所选记录，由你负责（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="120" />
        <location filename="../../ui/pool/pool_view.py" line="278" />
        <source>Open card</source>
        <translation>打开卡片</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="144" />
        <source>No records in the pool match —</source>
        <translation>公海中没有匹配的记录 —</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="193" />
        <source>%n in the pool</source>
        <translation>
            <numerusform>公海中 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="221" />
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="227" />
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="228" />
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="241" />
        <location filename="../../ui/pool/pool_view.py" line="274" />
        <source>Claim %n records</source>
        <translation>
            <numerusform>领取 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pool/pool_view.py" line="243" />
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/imports/preview_model.py" line="65" />
        <source>Not mapped: kept in the notes</source>
        <translation>未对应字段：保存到备注</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_model.py" line="79" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/imports/preview_model.py" line="92" />
        <source>Not imported: %1 (listed in the error workbook)</source>
        <translation>不导入：%1（列在错误工作簿中）</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="429" />
        <source>Check the first rows</source>
        <translation>检查前几行</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="447" />
        <source>Showing %1 of %2 rows as they will be stored.</source>
        <translation>按保存后的样子显示 %2 行中的 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="452" />
        <source>Problems marked in red: %1. Values that cannot be stored as mapped are kept in the notes; rows that cannot be imported at all go to an error workbook.</source>
        <translation>红色标出的问题：%1。无法按对应字段保存的值会保存到备注；完全无法导入的行会列入错误工作簿。</translation>
    </message>
</context>
<context>
    <name>PrintPdf</name>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="81" />
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="86" />
        <source>The printer stopped taking pages.</source>
        <translation>打印机停止接收页面。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="131" />
        <location filename="../../ui/printing/print_pdf.py" line="141" />
        <location filename="../../ui/printing/print_pdf.py" line="152" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="132" />
        <source>%1 cannot be printed: %2</source>
        <translation>无法打印 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="167" />
        <source>There is not enough space on the disk to save %1. Free some space or choose another place; nothing was changed.</source>
        <translation>磁盘空间不足，无法保存 %1。请释放空间或选择其他位置；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="175" />
        <source>%1 cannot be saved in %2: the folder is read-only or you may not write to it. Choose another folder; nothing was changed.</source>
        <translation>无法将 %1 保存到 %2：该文件夹为只读或您没有写入权限。请选择其他文件夹；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="182" />
        <source>%1 could not be saved (%2). Nothing was changed.</source>
        <translation>无法保存 %1（%2）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="202" />
        <source>The folder %1 does not exist. Nothing was changed.</source>
        <translation>文件夹 %1 不存在。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="239" />
        <location filename="../../ui/printing/print_pdf.py" line="252" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/printing/print_pdf.py" line="241" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintingNames</name>
    <message>
        <location filename="../../ui/printing/template_names.py" line="17" />
        <source>Classic quote</source>
        <translation>经典报价单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_names.py" line="18" />
        <source>Modern quote</source>
        <translation>现代报价单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_names.py" line="19" />
        <source>Standard contract</source>
        <translation>标准合同</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_names.py" line="27" />
        <source>%1 (built in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_names.py" line="39" />
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 毫米)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_names.py" line="40" />
        <source>Letter (8.5 × 11 in)</source>
        <translation>Letter (8.5 × 11 英寸)</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/products/product_editor.py" line="63" />
        <source>New Product</source>
        <translation>新建产品</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="63" />
        <source>Edit Product</source>
        <translation>编辑产品</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="66" />
        <source>Optional; unique</source>
        <translation>可选；不可重复</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="69" />
        <source>The name in your customers' other language</source>
        <translation>客户使用的另一种语言中的名称</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="71" />
        <source>e.g. set, hour, 套, 小时</source>
        <translation>例如：套、小时、项</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="79" />
        <source>e.g. 6 or 13</source>
        <translation>例如：6 或 13</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="80" />
        <source>The price includes tax (含税价)</source>
        <translation>单价为含税价</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="83" />
        <source>On sale (offered in quotes)</source>
        <translation>在售（报价时可选）</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="87" />
        <source>Code:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="88" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="89" />
        <source>Second name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="90" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="91" />
        <source>Unit price:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="92" />
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="93" />
        <source>Tax rate %:</source>
        <translation>税率 %：</translation>
    </message>
    <message>
        <location filename="../../ui/products/product_editor.py" line="95" />
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <location filename="../../ui/products/product_picker.py" line="59" />
        <source>Product code or name…</source>
        <translation>产品编码或名称…</translation>
    </message>
</context>
<context>
    <name>ProductValues</name>
    <message>
        <location filename="../../ui/products/values.py" line="41" />
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../../ui/products/values.py" line="69" />
        <source>A product needs a name.</source>
        <translation>产品需要名称。</translation>
    </message>
    <message>
        <location filename="../../ui/products/values.py" line="72" />
        <source>The code “%1” is already used by “%2”.</source>
        <translation>编码“%1”已被“%2”使用。</translation>
    </message>
    <message>
        <location filename="../../ui/products/values.py" line="77" />
        <source>“%1” is not a currency code (CNY, USD, EUR…).</source>
        <translation>“%1”不是币种代码（CNY、USD、EUR…）。</translation>
    </message>
    <message>
        <location filename="../../ui/products/values.py" line="79" />
        <source>%1 has more than 4 decimal places.</source>
        <translation>%1 的小数位超过 4 位。</translation>
    </message>
    <message>
        <location filename="../../ui/products/values.py" line="81" />
        <source>A price cannot be below 0.</source>
        <translation>价格不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../ui/products/values.py" line="83" />
        <source>A price of %1 is too large.</source>
        <translation>价格 %1 过大。</translation>
    </message>
    <message>
        <location filename="../../ui/products/values.py" line="85" />
        <source>A tax rate is 0 to 100 percent, not %1.</source>
        <translation>税率应在 0 到 100 之间，不能是 %1。</translation>
    </message>
</context>
<context>
    <name>ProductsScreen</name>
    <message>
        <location filename="../../ui/products/products_screen.py" line="45" />
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_screen.py" line="49" />
        <source>New &amp;Product…</source>
        <translation>新建产品(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_screen.py" line="82" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_screen.py" line="91" />
        <source>“%1” is on sale again.</source>
        <translation>“%1”已恢复在售。</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_screen.py" line="96" />
        <source>“%1” archived.</source>
        <translation>“%1”已停售。</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_screen.py" line="104" />
        <source>Delete product</source>
        <translation>删除产品</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_screen.py" line="107" />
        <source>Delete “%1”? Quotes that list it keep their lines. You can undo this with Ctrl+Z.</source>
        <translation>删除“%1”？已有报价单中的明细行会保留。可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_screen.py" line="118" />
        <source>“%1” deleted.</source>
        <translation>“%1”已删除。</translation>
    </message>
</context>
<context>
    <name>ProductsStartPanel</name>
    <message>
        <location filename="../../ui/products/products_view.py" line="47" />
        <source>No products yet</source>
        <translation>还没有产品</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="53" />
        <source>List what you sell with its price and tax once, then pick it in quotes. Add products one by one, or import a price list from a spreadsheet.</source>
        <translation>把您销售的产品和服务连同价格、税率录入一次，报价时直接选用。可以逐个添加，也可以从电子表格导入价目表。</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="62" />
        <source>Add a product…</source>
        <translation>添加产品…</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="64" />
        <source>Import a spreadsheet…</source>
        <translation>导入电子表格…</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <location filename="../../ui/products/products_view.py" line="101" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="102" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="103" />
        <source>Second name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="104" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="105" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="106" />
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="107" />
        <source>Tax incl.</source>
        <translation>含税</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="108" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="112" />
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="113" />
        <source>Filter by code, name, pinyin, description…</source>
        <translation>按编码、名称、拼音、描述筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="116" />
        <location filename="../../ui/products/products_view.py" line="264" />
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="117" />
        <source>All, archived too</source>
        <translation>全部（含已停售）</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="120" />
        <source>Any currency</source>
        <translation>所有币种</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="128" />
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="130" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="132" />
        <location filename="../../ui/products/products_view.py" line="279" />
        <source>Archive</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="134" />
        <source>Take the product off sale: quotes keep it, pickers leave it out</source>
        <translation>停售该产品：已有报价单保留它，选择产品时不再列出</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="137" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="139" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="140" />
        <source>Write the catalogue to Excel or CSV</source>
        <translation>将产品目录导出为 Excel 或 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="162" />
        <source>No products match —</source>
        <translation>没有符合条件的产品 —</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/products/products_view.py" line="245" />
        <source>%Ln products</source>
        <translation>
            <numerusform>%Ln 个产品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="262" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="264" />
        <source>Archived</source>
        <translation>已停售</translation>
    </message>
    <message>
        <location filename="../../ui/products/products_view.py" line="279" />
        <source>Put on sale</source>
        <translation>恢复在售</translation>
    </message>
</context>
<context>
    <name>ProfileTexts</name>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="216" />
        <source>%1 is not an image that can be read.</source>
        <translation>%1 不是可读取的图片。</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <location filename="../../ui/progress_dialog.py" line="70" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/progress_dialog.py" line="94" />
        <location filename="../../ui/progress_dialog.py" line="95" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/progress_dialog.py" line="113" />
        <source>%1
%2 of %3</source>
        <translation>%1
%2 / %3</translation>
    </message>
    <message>
        <location filename="../../ui/progress_dialog.py" line="122" />
        <source>%1
%2 so far</source>
        <translation>%1
已处理 %2</translation>
    </message>
</context>
<context>
    <name>QuickAddDialog</name>
    <message>
        <location filename="../../ui/products/quick_add.py" line="73" />
        <source>Add Product</source>
        <translation>添加产品</translation>
    </message>
    <message>
        <location filename="../../ui/products/quick_add.py" line="76" />
        <source>e.g. set, hour, 套, 小时</source>
        <translation>例如：套、小时、项</translation>
    </message>
    <message>
        <location filename="../../ui/products/quick_add.py" line="81" />
        <source>The price includes tax (含税价)</source>
        <translation>单价为含税价</translation>
    </message>
    <message>
        <location filename="../../ui/products/quick_add.py" line="83" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/products/quick_add.py" line="84" />
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../ui/products/quick_add.py" line="85" />
        <source>Unit price:</source>
        <translation>单价：</translation>
    </message>
    <message>
        <location filename="../../ui/products/quick_add.py" line="86" />
        <source>Tax rate %:</source>
        <translation>税率 %：</translation>
    </message>
</context>
<context>
    <name>QuoteEditor</name>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="88" />
        <source>New Quote</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="88" />
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="91" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="92" />
        <source>Description</source>
        <translation>品名/描述</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="93" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="94" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="95" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="96" />
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="97" />
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="98" />
        <source>Tax incl.</source>
        <translation>含税</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="99" />
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="100" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="135" />
        <source>Printed after the totals</source>
        <translation>打印在合计之后</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="137" />
        <source>Terms and conditions</source>
        <translation>条款与条件</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="139" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="140" />
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="149" />
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="199" />
        <source>Quote %1 · revision %2 · %3</source>
        <translation>报价单 %1 · 第 %2 版 · %3</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="201" />
        <source>Quote %1</source>
        <translation>报价单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="205" />
        <source>An earlier revision, kept as it was: it can be printed.</source>
        <translation>这是较早的版本，按原样保留，可以打印。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="209" />
        <source>This quote was accepted: change its contract, or reopen it first.</source>
        <translation>此报价单已被接受：请修改其合同，或先重新打开它。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="214" />
        <source>This quote was %1: saving changes makes revision %2.</source>
        <translation>此报价单状态为“%1”：保存修改将生成第 %2 版。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="327" />
        <source>The line needs a description.</source>
        <translation>此行需要品名或描述。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="329" />
        <source>Choose a customer: a company or a person.</source>
        <translation>请选择客户：公司或个人。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="355" />
        <source>Save as a new revision</source>
        <translation>另存为新版本</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="358" />
        <source>Quote %1 was sent to the customer. Saving keeps revision %2 as it was sent and makes these changes revision %3, a draft. Save?</source>
        <translation>报价单 %1 已发送给客户。保存后，第 %2 版按发送时的样子保留，这些修改成为第 %3 版（草稿）。要保存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_editor.py" line="370" />
        <source>Quote saved.</source>
        <translation>报价单已保存。</translation>
    </message>
</context>
<context>
    <name>QuoteFilterBar</name>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="42" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="46" />
        <source>Customer…</source>
        <translation>客户…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="50" />
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="52" />
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="53" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="54" />
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="55" />
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="56" />
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="66" />
        <source>Number, notes or line text…</source>
        <translation>编号、备注或明细内容…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="68" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/filter_bar.py" line="69" />
        <source>Clear all filters</source>
        <translation>清除所有筛选条件</translation>
    </message>
</context>
<context>
    <name>QuoteHeader</name>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="54" />
        <source>Company or person: name, pinyin, phone…</source>
        <translation>公司或个人：名称、拼音、电话…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="57" />
        <location filename="../../ui/quotes/quote_header.py" line="200" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="59" />
        <source>Optional: deal title or number…</source>
        <translation>可选：商机名称或编号…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="80" />
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="81" />
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="82" />
        <source>Deal:</source>
        <translation>商机：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="83" />
        <source>Owner:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="86" />
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="87" />
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="88" />
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="89" />
        <source>Document language:</source>
        <translation>单据语言：</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_header.py" line="223" />
        <source>The customer's: %1</source>
        <translation>随客户：%1</translation>
    </message>
</context>
<context>
    <name>QuoteHistory</name>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="69" />
        <source>Revisions</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="73" />
        <location filename="../../ui/quotes/quote_history.py" line="95" />
        <source>Rev.</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="73" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="73" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="73" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="80" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="81" />
        <source>Show this revision as it was (read-only)</source>
        <translation>按原样查看此版本（只读）</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="83" />
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="91" />
        <source>Print log</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="95" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="95" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="95" />
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="119" />
        <source>Select a quote to see its revisions and print log.</source>
        <translation>选择一张报价单以查看其版本和打印记录。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="147" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="166" />
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="166" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_history.py" line="181" />
        <source>Not printed yet</source>
        <translation>尚未打印</translation>
    </message>
</context>
<context>
    <name>QuoteText</name>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="32" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="33" />
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="34" />
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="35" />
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="36" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="42" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="42" />
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="48" />
        <source>Tax rounded per rate on summed lines</source>
        <translation>税额按税率对汇总金额四舍五入</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="49" />
        <source>Tax rounded per line</source>
        <translation>税额按行四舍五入</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="84" />
        <source>The discount is more than the line (or below 0).</source>
        <translation>折扣超过了该行金额（或小于 0）。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="86" />
        <source>The quantity cannot be below 0.</source>
        <translation>数量不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="88" />
        <source>The unit price cannot be below 0.</source>
        <translation>单价不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="90" />
        <source>The tax rate cannot be below 0.</source>
        <translation>税率不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="92" />
        <source>The line needs a description.</source>
        <translation>此行需要品名或描述。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="98" />
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="108" />
        <source>Choose a customer: a company or a person.</source>
        <translation>请选择客户：公司或个人。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="110" />
        <source>“Valid until” cannot be before the quote's date.</source>
        <translation>“有效期至”不能早于报价日期。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="112" />
        <source>Choose a currency code such as CNY, USD or JPY.</source>
        <translation>请选择币种代码，例如 CNY、USD 或 JPY。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quote_values.py" line="114" />
        <source>An accepted quote is not edited: change its contract, or reopen it.</source>
        <translation>已接受的报价单不能修改：请修改其合同，或重新打开它。</translation>
    </message>
</context>
<context>
    <name>QuotesPage</name>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="253" />
        <source>Tax rounding on quotes</source>
        <translation>报价单税额舍入</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="260" />
        <source>Round the tax of each line</source>
        <translation>逐行舍入税额</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="262" />
        <source>Each line's tax is rounded on its own; the quote's tax is the sum of the rounded line taxes.</source>
        <translation>每行税额单独四舍五入；报价单税额为各行舍入后税额之和。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="268" />
        <source>Round the tax once per rate</source>
        <translation>按税率汇总后舍入</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="270" />
        <source>The lines of each tax rate are added up first and their tax is rounded once; it can differ from the per-line sum by a cent or so.</source>
        <translation>同一税率的各行先合计，再对税额四舍五入一次；与逐行相加的结果可能相差一分左右。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="285" />
        <source>The rule is used on screen, in printed quotes, exports and reports.</source>
        <translation>此规则同样用于屏幕显示、打印的报价单、导出和报表。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="289" />
        <source>Default templates</source>
        <translation>默认模板</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="293" />
        <location filename="../../ui/workspace_settings/company_profile.py" line="294" />
        <source>Customize…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="296" />
        <source>Quotes:</source>
        <translation>报价单：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="298" />
        <source>Contracts:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="312" />
        <source>A quote or contract that names its own template prints with that.</source>
        <translation>指定了模板的报价单或合同按其自身模板打印。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="353" />
        <source>Built-in default (%1)</source>
        <translation>内置默认（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="376" />
        <source>Make your own copy of this template to change its texts and look</source>
        <translation>复制此模板为自己的版本，以修改文字和外观</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/company_profile.py" line="379" />
        <source>Change or delete this template</source>
        <translation>修改或删除此模板</translation>
    </message>
</context>
<context>
    <name>QuotesScreen</name>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="68" />
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="72" />
        <source>New &amp;Quote…</source>
        <translation>新建报价单(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="157" />
        <source>Quote %1 marked as sent.</source>
        <translation>报价单 %1 已标记为已发送。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="158" />
        <source>Quote %1 accepted.</source>
        <translation>报价单 %1 已接受。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="159" />
        <source>Quote %1 rejected.</source>
        <translation>报价单 %1 已拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="160" />
        <source>Quote %1 reopened.</source>
        <translation>报价单 %1 已重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="173" />
        <source>Delete quote</source>
        <translation>删除报价单</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="176" />
        <source>Delete quote %1 for %2, with its earlier revisions? You can undo this with Ctrl+Z.</source>
        <translation>删除给 %2 的报价单 %1 及其所有早期版本？可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_screen.py" line="187" />
        <source>Quote %1 deleted.</source>
        <translation>报价单 %1 已删除。</translation>
    </message>
</context>
<context>
    <name>QuotesView</name>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="89" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="90" />
        <source>Rev.</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="91" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="92" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="93" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="94" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="95" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="96" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="97" />
        <location filename="../../ui/quotes/quotes_view.py" line="242" />
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="98" />
        <location filename="../../ui/quotes/quotes_view.py" line="242" />
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="99" />
        <location filename="../../ui/quotes/quotes_view.py" line="242" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="105" />
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="109" />
        <source>New Quote…</source>
        <translation>新建报价单…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="130" />
        <source>No quotes match —</source>
        <translation>没有符合条件的报价单 —</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="132" />
        <source>No quotes yet. Make the first one with “New Quote…”.</source>
        <translation>还没有报价单。点击“新建报价单…”创建第一张。</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="153" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="154" />
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="155" />
        <source>Mark Sent</source>
        <translation>标记为已发送</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="156" />
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="157" />
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="158" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="159" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="160" />
        <source>Print / PDF…</source>
        <translation>打印 / PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="161" />
        <source>Create Contract…</source>
        <translation>生成合同…</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/quotes_view.py" line="242" />
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/quotes/quotes_view.py" line="251" />
        <source>%1 · %n quotes</source>
        <translation>
            <numerusform>%1 · %n 张报价单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/quotes/quotes_view.py" line="266" />
        <source>%n quotes</source>
        <translation>
            <numerusform>%n 张报价单</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderList</name>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="64" />
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="64" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="64" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="74" />
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="75" />
        <source>&amp;Complete</source>
        <translation>完成(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="77" />
        <source>&amp;Snooze</source>
        <translation>稍后提醒(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="86" />
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ReminderPreferences</name>
    <message>
        <location filename="../../ui/reminders/preferences.py" line="29" />
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/preferences.py" line="30" />
        <source>Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后继续在系统托盘中运行</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/preferences.py" line="31" />
        <source>Start Desktop CRM in the tray when I log in</source>
        <translation>登录时在系统托盘中启动 Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/preferences.py" line="33" />
        <source>Reminders appear while Desktop CRM runs, also with its window closed.</source>
        <translation>Desktop CRM 运行时（包括窗口关闭后）会弹出提醒。</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/preferences.py" line="36" />
        <source>No system tray was found on this desktop: reminders appear only while the window is open.</source>
        <translation>此桌面没有系统托盘：只有在窗口打开时才会弹出提醒。</translation>
    </message>
</context>
<context>
    <name>ReminderTexts</name>
    <message>
        <location filename="../../ui/reminders/notifier.py" line="75" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/notifier.py" line="85" />
        <source>%n follow-ups are due</source>
        <translation>
            <numerusform>%n 项跟进已到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/notifier.py" line="93" />
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWindow</name>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="189" />
        <source>Reminders — Desktop CRM</source>
        <translation>提醒 — Desktop CRM</translation>
    </message>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="194" />
        <source>Dismiss &amp;All</source>
        <translation>全部忽略(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/reminder_window.py" line="225" />
        <source>%n follow-ups are due</source>
        <translation>
            <numerusform>%n 项跟进已到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../ui/reminders/controller.py" line="137" />
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/controller.py" line="269" />
        <source>%n records returned to the pool</source>
        <translation>
            <numerusform>%n 条记录已退回公海</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="37" />
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="38" />
        <source>Every few days</source>
        <translation>每隔几天</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="39" />
        <source>Every few weeks</source>
        <translation>每隔几周</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="40" />
        <source>Every few months</source>
        <translation>每隔几个月</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="41" />
        <source>Every week on a weekday</source>
        <translation>每周固定某天</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="46" />
        <source>every </source>
        <translation>每 </translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="122" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="123" />
        <source> weeks</source>
        <translation> 周</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="124" />
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../../ui/followups/repeat_editor.py" line="125" />
        <source> weeks, on</source>
        <translation> 周，在</translation>
    </message>
</context>
<context>
    <name>ReportTexts</name>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="81" />
        <source>Funnel</source>
        <translation>漏斗转化</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="82" />
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="83" />
        <source>Won and lost</source>
        <translation>赢单与输单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="84" />
        <location filename="../../ui/reports/report_rows.py" line="222" />
        <location filename="../../ui/reports/report_rows.py" line="276" />
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="85" />
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="86" />
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="94" />
        <source>Deals created in the period. A deal has reached a stage if its history holds that stage or a later one (a skipped stage counts as reached; a won deal reached every stage). Conversion = deals that reached the next stage ÷ deals that reached this one; the last stage converts to Won. Average days: the average stay in the stage, from the stage history (a deal still there counts until now).</source>
        <translation>统计期间内新建的商机。商机的阶段历史中有该阶段或其后的阶段，即算“到达”该阶段（跳过的阶段也算到达；赢单的商机到达了所有阶段）。转化率 = 到达下一阶段的商机数 ÷ 到达本阶段的商机数；最后一个阶段转化为赢单。平均天数：按阶段历史计算的在该阶段平均停留天数（仍在该阶段的商机算到现在）。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="101" />
        <source>Open deals by month of expected close, within the period. Weighted = Σ amount × the deal's win probability.</source>
        <translation>期间内进行中的商机，按预计成交月份汇总。加权金额 = Σ 金额 × 该商机的赢单概率。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="105" />
        <source>Deals won or lost in the period (by closing day): lost deals by reason, all of them by source.</source>
        <translation>期间内（按结束日期）赢单或输单的商机：输单按原因统计，全部按来源统计。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="109" />
        <source>Per owner, among deals closed in the period: win rate = won ÷ (won + lost).</source>
        <translation>按负责人统计期间内结束的商机：赢单率 = 赢单 ÷（赢单 + 输单）。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="111" />
        <source>Won amount per owner and month, by closing day.</source>
        <translation>按负责人和月份统计的赢单金额（按结束日期）。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="113" />
        <source>Per owner and month: the target against the amount won and the payments collected that month on the owner's contracts.</source>
        <translation>按负责人和月份：目标对比当月赢单金额，以及当月该负责人合同的已收款。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="123" />
        <source>No deals were created in this period.</source>
        <translation>此期间没有新建商机。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="124" />
        <source>No open deals are expected to close in this period.</source>
        <translation>此期间没有预计成交的进行中商机。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="125" />
        <location filename="../../ui/reports/report_rows.py" line="126" />
        <source>No deals were won or lost in this period.</source>
        <translation>此期间没有赢单或输单的商机。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="127" />
        <source>No deals were won in this period.</source>
        <translation>此期间没有赢单的商机。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="128" />
        <source>No targets and no deals won in this period.</source>
        <translation>此期间没有目标，也没有赢单。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="160" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="161" />
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="162" />
        <location filename="../../ui/reports/report_rows.py" line="264" />
        <source>Reached</source>
        <translation>到达</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="163" />
        <source>Conversion to next</source>
        <translation>转化到下一阶段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="164" />
        <source>Average days</source>
        <translation>平均天数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="173" />
        <location filename="../../ui/reports/report_rows.py" line="267" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="173" />
        <location filename="../../ui/reports/report_rows.py" line="268" />
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="175" />
        <location filename="../../ui/reports/report_rows.py" line="252" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="175" />
        <location filename="../../ui/reports/report_rows.py" line="203" />
        <location filename="../../ui/reports/report_rows.py" line="265" />
        <source>Deals</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="183" />
        <location filename="../../ui/reports/report_rows.py" line="220" />
        <location filename="../../ui/reports/report_rows.py" line="248" />
        <location filename="../../ui/reports/report_rows.py" line="269" />
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="183" />
        <location filename="../../ui/reports/report_rows.py" line="221" />
        <location filename="../../ui/reports/report_rows.py" line="270" />
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="186" />
        <source>All closed deals</source>
        <translation>全部已结束商机</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="195" />
        <location filename="../../ui/reports/report_rows.py" line="273" />
        <source>(no reason)</source>
        <translation>（无原因）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="196" />
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="199" />
        <location filename="../../ui/reports/report_rows.py" line="274" />
        <source>(no source)</source>
        <translation>（无来源）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="200" />
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="206" />
        <location filename="../../ui/reports/report_rows.py" line="236" />
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="207" />
        <source>Lost amount</source>
        <translation>输单金额</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="219" />
        <location filename="../../ui/reports/report_rows.py" line="233" />
        <location filename="../../ui/reports/report_rows.py" line="252" />
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="234" />
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="235" />
        <source>Deals won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="247" />
        <location filename="../../ui/reports/report_rows.py" line="280" />
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="249" />
        <location filename="../../ui/reports/report_rows.py" line="281" />
        <source>Collected</source>
        <translation>已收款</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="261" />
        <source>Deals reaching each stage (%1 created, %2 won)</source>
        <translation>到达各阶段的商机（新建 %1，赢单 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="262" />
        <source>%1 move on</source>
        <translation>%1 进入下一阶段</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="263" />
        <source>%1 won</source>
        <translation>%1 赢单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="266" />
        <source>Open deals by month of expected close (%1)</source>
        <translation>按预计成交月份的进行中商机（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="271" />
        <source>Lost deals by reason</source>
        <translation>按原因的输单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="272" />
        <source>Won and lost by source</source>
        <translation>按来源的赢单与输单</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="275" />
        <source>Win rate by owner</source>
        <translation>各负责人赢单率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="277" />
        <source>Win rate (%)</source>
        <translation>赢单率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="278" />
        <source>Won amount by owner (%1)</source>
        <translation>各负责人赢单金额（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="279" />
        <source>Targets by owner over the period (%1)</source>
        <translation>各负责人期间目标（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="282" />
        <location filename="../../ui/reports/report_rows.py" line="291" />
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/report_rows.py" line="325" />
        <source>Amounts are in %1; deals in other currencies are shown apart in brackets, never converted, and left out of the chart.</source>
        <translation>金额单位为 %1；其他币种的商机在括号中单独列出，不做换算，也不计入图表。</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="113" />
        <source>Targets…</source>
        <translation>设置目标…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="121" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="192" />
        <source>All pipelines</source>
        <translation>全部销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="195" />
        <source>%1 · %2 to %3 · amounts in %4</source>
        <translation>%1 · %2 至 %3 · 金额单位 %4</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="199" />
        <source>The period ends before it starts: choose a later end day.</source>
        <translation>期间的结束日早于开始日：请选择更晚的结束日。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="235" />
        <location filename="../../ui/reports/reports_screen.py" line="242" />
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="235" />
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="244" />
        <source>Saved the chart to %1.</source>
        <translation>图表已保存到 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="253" />
        <location filename="../../ui/reports/reports_screen.py" line="266" />
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="253" />
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_screen.py" line="263" />
        <source>Saved the data to %1.</source>
        <translation>数据已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="56" />
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="65" />
        <location filename="../../ui/reports/reports_view.py" line="172" />
        <source>All pipelines</source>
        <translation>全部销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="69" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="69" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="74" />
        <source>Export chart (PNG)…</source>
        <translation>导出图表（PNG）…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="75" />
        <source>Export data (Excel)…</source>
        <translation>导出数据（Excel）…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="92" />
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="219" />
        <source>Choose a longer period, or add deals on the Pipeline screen.</source>
        <translation>请选择更长的期间，或在“销售漏斗”页面添加商机。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="278" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="279" />
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="280" />
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="281" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="282" />
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="283" />
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="284" />
        <source>Next 12 months</source>
        <translation>未来 12 个月</translation>
    </message>
    <message>
        <location filename="../../ui/reports/reports_view.py" line="285" />
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../ui/followups/reschedule_dialog.py" line="37" />
        <source>Reschedule follow-up</source>
        <translation>跟进改期</translation>
    </message>
    <message>
        <location filename="../../ui/followups/reschedule_dialog.py" line="48" />
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../ui/followups/reschedule_dialog.py" line="49" />
        <source>In 3 days</source>
        <translation>三天后</translation>
    </message>
    <message>
        <location filename="../../ui/followups/reschedule_dialog.py" line="50" />
        <source>Next Monday</source>
        <translation>下周一</translation>
    </message>
    <message>
        <location filename="../../ui/followups/reschedule_dialog.py" line="51" />
        <source>In 2 weeks</source>
        <translation>两周后</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="51" />
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="150" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="58" />
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="62" />
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="63" />
        <source>A new language applies when Desktop CRM starts again.</source>
        <translation>新语言将在 Desktop CRM 重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="66" />
        <source>Default phone region:</source>
        <translation>默认电话区号地区：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="70" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="77" />
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="81" />
        <source>Pipelines</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="87" />
        <source>Keep the newest backups:</source>
        <translation>保留最新备份数：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="88" />
        <source>Keep one a day for (days):</source>
        <translation>每天保留一份，保留天数：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="89" />
        <source>Keep one a week for (weeks):</source>
        <translation>每周保留一份，保留周数：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="96" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="100" />
        <source>Tokens: {yyyy} {yy} {mm} {dd} and {seq:4} (number width).</source>
        <translation>可用占位符：{yyyy} {yy} {mm} {dd} 和 {seq:4}（编号位数）。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="103" />
        <source>Customers:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="104" />
        <source>Deals:</source>
        <translation>商机：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="105" />
        <source>Quotes:</source>
        <translation>报价单：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="106" />
        <source>Contracts:</source>
        <translation>合同：</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="111" />
        <source>Numbering</source>
        <translation>编号规则</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="122" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="129" />
        <source>Quotes</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_dialog.py" line="133" />
        <source>Team</source>
        <translation>团队</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="49" />
        <source>&amp;Back Up Now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="50" />
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="52" />
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="59" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="98" />
        <source>Backup saved: %1</source>
        <translation>备份已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="114" />
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="116" />
        <source>Desktop CRM backups (*.crmbak *.crmbak.zst);;All files (*)</source>
        <translation>Desktop CRM 备份 (*.crmbak *.crmbak.zst);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="128" />
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="131" />
        <source>Replace the current data with the backup %1? The current data is backed up first, so this can be reversed.</source>
        <translation>用备份 %1 替换当前数据吗？当前数据会先备份，因此可以还原。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/settings_screen.py" line="170" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
</context>
<context>
    <name>SnoozePickDialog</name>
    <message>
        <location filename="../../ui/followups/snooze.py" line="98" />
        <source>Snooze until</source>
        <translation>推迟到</translation>
    </message>
    <message>
        <location filename="../../ui/followups/snooze.py" line="100" />
        <source>Remind me again at:</source>
        <translation>再次提醒时间：</translation>
    </message>
    <message>
        <location filename="../../ui/followups/snooze.py" line="107" />
        <source>When it is due does not change; use Reschedule for that.</source>
        <translation>到期时间不变；要改到期时间请用“改期”。</translation>
    </message>
</context>
<context>
    <name>SnoozeTexts</name>
    <message>
        <location filename="../../ui/followups/snooze.py" line="37" />
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/followups/snooze.py" line="38" />
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/followups/snooze.py" line="39" />
        <source>Tomorrow morning</source>
        <translation>明天上午</translation>
    </message>
    <message>
        <location filename="../../ui/followups/snooze.py" line="40" />
        <source>Next week</source>
        <translation>下周</translation>
    </message>
    <message>
        <location filename="../../ui/followups/snooze.py" line="54" />
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location filename="../../ui/followups/snooze.py" line="60" />
        <source>Pick a time…</source>
        <translation>选择时间…</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="234" />
        <source>What does the file hold?</source>
        <translation>文件中是什么数据？</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="246" />
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="247" />
        <source>Import as:</source>
        <translation>导入为：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="248" />
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="265" />
        <source>Data rows found: %1.</source>
        <translation>找到数据行：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="266" />
        <source>The header is on row %1.</source>
        <translation>表头在第 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="268" />
        <source>The sheet has no header row; columns are numbered.</source>
        <translation>该工作表没有表头，列按编号显示。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="271" />
        <source>This file is a web page; its tables are read as sheets.</source>
        <translation>此文件是网页，其中的表格按工作表读取。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="273" />
        <source>This file is an Excel 2003 XML workbook.</source>
        <translation>此文件是 Excel 2003 XML 工作簿。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="275" />
        <source>This file is an OpenDocument spreadsheet saved as XML.</source>
        <translation>此文件是以 XML 格式保存的 OpenDocument 表格。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="277" />
        <source>This file is an LDIF address book: one row per person.</source>
        <translation>此文件是 LDIF 通讯录：每人一行。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="281" />
        <source>Text encoding: %1, separated by “%2”.</source>
        <translation>文本编码：%1，分隔符“%2”。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="287" />
        <source>Text encoding: %1.</source>
        <translation>文本编码：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/imports/import_wizard.py" line="291" />
        <source>Using the column choices of your earlier import of %1.</source>
        <translation>沿用您上次导入 %1 时的列设置。</translation>
    </message>
</context>
<context>
    <name>StageDeleteDialog</name>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="60" />
        <source>Delete stage %1</source>
        <translation>删除阶段 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="64" />
        <source>“%1” holds %n deals. Choose the stage they move to:</source>
        <translation>
            <numerusform>“%1”中有 %n 个商机。请选择它们要移到的阶段：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="71" />
        <source>won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="71" />
        <source>lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="77" />
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="86" />
        <source>Each deal's stage history records the move, and it takes the new stage's probability. Edit › Undo brings the stage and its deals back.</source>
        <translation>每个商机的阶段历史都会记录这次移动，商机采用新阶段的赢单概率。“编辑 › 撤销”可恢复该阶段及其商机。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="91" />
        <source>Why were they lost?</source>
        <translation>输单原因是什么？</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="98" />
        <source>A reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="105" />
        <source>Delete and move deals</source>
        <translation>删除并移动商机</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="133" />
        <source>Delete stage</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="135" />
        <source>Delete the stage “%1”? It holds no deals.</source>
        <translation>删除阶段“%1”？该阶段中没有商机。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="164" />
        <source>Choose the stage the deals move to.</source>
        <translation>请选择商机要移到的阶段。</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_delete_dialog.py" line="167" />
        <source>Say why the deals were lost.</source>
        <translation>请说明这些商机的输单原因。</translation>
    </message>
</context>
<context>
    <name>StageTable</name>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="104" />
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="105" />
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="105" />
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="105" />
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="108" />
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="109" />
        <source>Win probability</source>
        <translation>赢单概率</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="110" />
        <source>Rotting days</source>
        <translation>停滞天数</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="111" />
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="112" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="148" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="149" />
        <source>Double-click to choose a colour</source>
        <translation>双击选择颜色</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/stage_table.py" line="259" />
        <source>Colour of the stage %1</source>
        <translation>阶段 %1 的颜色</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <location filename="../../ui/empty_state.py" line="39" />
        <location filename="../../ui/empty_state.py" line="74" />
        <source>No contacts yet</source>
        <translation>还没有联系人</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="45" />
        <source>Add your first contact, import a spreadsheet or address book, or look around in a demo workspace.</source>
        <translation>添加第一位联系人、导入表格或通讯录，或先在演示工作区里看看。</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="54" />
        <location filename="../../ui/empty_state.py" line="75" />
        <source>Add a contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="55" />
        <source>Import a spreadsheet…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="56" />
        <source>Open the demo workspace</source>
        <translation>打开演示工作区</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="71" />
        <source>No companies yet</source>
        <translation>还没有公司</translation>
    </message>
    <message>
        <location filename="../../ui/empty_state.py" line="72" />
        <source>Add a company…</source>
        <translation>添加公司…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="32" />
        <source>%Ln people</source>
        <translation>
            <numerusform>%Ln 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="33" />
        <source>%Ln companies</source>
        <translation>
            <numerusform>%Ln 家公司</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="34" />
        <source>%Ln open deals</source>
        <translation>
            <numerusform>%Ln 个进行中的商机</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="37" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="39" />
        <source>Sync refused</source>
        <translation>同步被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="41" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team/sync_indicator.py" line="43" />
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="45" />
        <source>Changes waiting</source>
        <translation>有修改待上传</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="47" />
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="48" />
        <source>Synced %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="53" />
        <source>Team hub: %1 as %2</source>
        <translation>团队中心：%1（用户 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="55" />
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="57" />
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team/sync_indicator.py" line="59" />
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项修改待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/team/sync_indicator.py" line="62" />
        <source>%n conflict(s) to decide: click to see them</source>
        <translation>
            <numerusform>%n 个冲突待决定：点击查看</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_indicator.py" line="65" />
        <source>The hub cannot be reached; changes are sent when it can be.</source>
        <translation>无法连接团队中心；连上后会上传修改。</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="77" />
        <source>Sales targets</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="85" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="143" />
        <source>Amounts in %1. A blank cell has no target.</source>
        <translation>金额单位：%1。空白表示未设目标。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="169" />
        <source>Save or cancel the targets of %1 first.</source>
        <translation>请先保存或取消 %1 年的目标。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="223" />
        <source>Sales targets saved.</source>
        <translation>销售目标已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="238" />
        <source>A target is a number from 0 (%1).</source>
        <translation>目标须为不小于 0 的数字（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="240" />
        <source>A user of this grid no longer exists: close and open it again.</source>
        <translation>表中有用户已不存在：请关闭后重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/targets_dialog.py" line="257" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <location filename="../../ui/team/sync_driver.py" line="265" />
        <source>The team hub had been restored from an older copy: sent everything again.</source>
        <translation>团队中心曾从较早的备份恢复：已重新上传全部数据。</translation>
    </message>
    <message>
        <location filename="../../ui/team/sync_driver.py" line="308" />
        <source>Team sync</source>
        <translation>团队同步</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../../ui/team/team_settings.py" line="77" />
        <source>Share this workspace with your team through a hub: a PostgreSQL database your studio runs. Each laptop keeps working offline on its own file and syncs with the hub when it can reach it.</source>
        <translation>通过团队中心（贵工作室运行的 PostgreSQL 数据库）与团队共享此工作区。每台电脑都可以离线使用自己的文件，能连上团队中心时自动同步。</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="86" />
        <source>Joining uploads this workspace to an EMPTY hub, so that the team starts from it. To work on what a team already keeps in a hub, use File → Join a Team Workspace… instead: it downloads the team's workspace into a new file (two workspaces are never merged).</source>
        <translation>加入会把此工作区上传到一个“空的”团队中心，团队从这些数据开始。如果团队中心里已经有团队的数据，请改用“文件 → 加入团队工作区…”：它会把团队工作区下载到一个新文件中（两个工作区绝不会被合并）。</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="95" />
        <source>Join with This Workspace</source>
        <translation>用此工作区加入</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="116" />
        <source>Hub address:</source>
        <translation>团队中心地址：</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="117" />
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="118" />
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="119" />
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="120" />
        <source>Changes waiting:</source>
        <translation>待上传的修改：</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="121" />
        <source>Conflicts:</source>
        <translation>冲突：</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="126" />
        <source>If the password is not kept in this computer's keychain, type it here before syncing; it is used until Desktop CRM closes.</source>
        <translation>如果本机钥匙串中没有保存密码，请在同步前在此输入；它只在 Desktop CRM 关闭前有效。</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="134" />
        <source>Remember the password in this computer's keychain</source>
        <translation>在本机钥匙串中记住密码</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="135" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="138" />
        <source>Sync Now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="188" />
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="222" />
        <source>Joined the team hub: %1 records uploaded.</source>
        <translation>已加入团队中心：上传了 %1 条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="236" />
        <source>Join a Team Hub</source>
        <translation>加入团队中心</translation>
    </message>
    <message>
        <location filename="../../ui/team/team_settings.py" line="237" />
        <source>Uploading this workspace to the hub…</source>
        <translation>正在把此工作区上传到团队中心…</translation>
    </message>
</context>
<context>
    <name>TeamTexts</name>
    <message>
        <location filename="../../ui/team/texts.py" line="43" />
        <source>Yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="45" />
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="45" />
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="47" />
        <source>%1 %2</source>
        <comment>a day, then a time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="56" />
        <source>Encrypt when the hub offers it</source>
        <translation>团队中心支持时加密</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="57" />
        <source>Always encrypt</source>
        <translation>始终加密</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="58" />
        <source>Always encrypt and check the hub's certificate</source>
        <translation>始终加密并验证团队中心的证书</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="59" />
        <source>Always encrypt and check the certificate's issuer</source>
        <translation>始终加密并验证证书的签发机构</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="60" />
        <source>Never encrypt (only on a trusted network)</source>
        <translation>不加密（仅限可信网络）</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="112" />
        <source>This Desktop CRM and the team hub are of different versions. Update the app (everyone on the team should use the same version); nothing was lost.</source>
        <translation>此 Desktop CRM 与团队中心的版本不一致。请更新应用（团队所有人应使用同一版本）；数据没有丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="70" />
        <source>The team hub cannot be reached (offline, or the address is wrong). Your changes are kept and sent when it can be reached.</source>
        <translation>无法连接团队中心（离线，或地址有误）。您的修改已保存，连上后会上传。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="80" />
        <source>Enter the hub's address as postgresql://host:port/database (no user name or password in it).</source>
        <translation>请按 postgresql://主机:端口/数据库 的格式输入团队中心地址（不要包含用户名或密码）。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="84" />
        <source>Choose one of the offered encryption modes.</source>
        <translation>请选择一种提供的加密方式。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="87" />
        <source>A file is already there. The team's workspace is downloaded into a new file: choose another name.</source>
        <translation>该位置已有文件。团队工作区只会下载到新文件中：请换一个名字。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="99" />
        <source>The team hub needs Desktop CRM %1 or newer (this is %2): update the app. Your changes wait on this computer.</source>
        <translation>团队中心需要 Desktop CRM %1 或更新版本（当前版本为 %2）：请更新应用。您的修改保存在这台电脑上，等待上传。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="107" />
        <source>The team hub was set up by an older Desktop CRM: whoever looks after it should run 'desktop-crm hub init' from this version to upgrade it. Your changes wait on this computer.</source>
        <translation>团队中心由较旧版本的 Desktop CRM 设置：请负责维护它的人用当前版本运行“desktop-crm hub init”进行升级。您的修改保存在这台电脑上，等待上传。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="119" />
        <source>The hub refused this user name or password.</source>
        <translation>团队中心拒绝了此用户名或密码。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="121" />
        <source>This user may not use the team hub. Ask whoever set up the hub to add you as a member.</source>
        <translation>此用户无权使用团队中心。请让设置团队中心的人把您添加为成员。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="123" />
        <source>The hub's server has no database of that name.</source>
        <translation>团队中心的服务器上没有这个名称的数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="125" />
        <source>The hub already holds a team's workspace. Use File → Join a Team Workspace… to download it into a new file; two workspaces are never merged.</source>
        <translation>团队中心里已经有团队的工作区。请用“文件 → 加入团队工作区…”把它下载到新文件中；两个工作区绝不会被合并。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="128" />
        <source>This workspace is joined to another hub already.</source>
        <translation>此工作区已加入另一个团队中心。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="130" />
        <source>The hub is empty: join it from an existing workspace (Settings → Team) to upload that workspace first.</source>
        <translation>团队中心是空的：请先从现有工作区加入（设置 → 团队），上传该工作区。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="134" />
        <source>The first laptop is still uploading the team's workspace; try again when it has finished.</source>
        <translation>第一台电脑仍在上传团队工作区；请在上传完成后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="138" />
        <source>The hub now holds another team's workspace (it was replaced); this workspace cannot sync with it.</source>
        <translation>团队中心现在保存的是另一个团队的工作区（已被替换）；此工作区无法与它同步。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="142" />
        <source>The hub does not know this laptop (it may have been replaced); this workspace cannot sync with it.</source>
        <translation>团队中心不认识这台电脑（它可能已被替换）；此工作区无法与它同步。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="146" />
        <source>No password is known for the team hub: enter it in Settings → Team and press Sync Now.</source>
        <translation>没有团队中心的密码：请在“设置 → 团队”中输入密码并点击“立即同步”。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="149" />
        <source>This computer has no keychain to keep the hub password in; it is used for this session only.</source>
        <translation>本机没有可保存团队中心密码的钥匙串；密码仅在本次运行中使用。</translation>
    </message>
    <message>
        <location filename="../../ui/team/texts.py" line="152" />
        <source>The hub was set up by a newer Desktop CRM: update the app.</source>
        <translation>团队中心由更新版本的 Desktop CRM 设置：请更新应用。</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="116" />
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="116" />
        <source>Edit template</source>
        <translation>编辑模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="149" />
        <source>Delete Template…</source>
        <translation>删除模板…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="170" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="178" />
        <source>A copy of the built-in template “%1”; the original stays.</source>
        <translation>内置模板“%1”的副本；原模板保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="185" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="190" />
        <source>Look</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="192" />
        <source>Accent colour</source>
        <translation>强调色</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="193" />
        <source>Text colour</source>
        <translation>文字颜色</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="194" />
        <source>Accent colour:</source>
        <translation>强调色：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="195" />
        <source>Text colour:</source>
        <translation>文字颜色：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="196" />
        <source>Print the company logo</source>
        <translation>打印公司徽标</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="203" />
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="208" />
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="210" />
        <source>Font size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="214" />
        <source>Columns of the item table</source>
        <translation>明细表的列</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="223" />
        <source>Texts</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="229" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="230" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="236" />
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="263" />
        <source>%1 (my copy)</source>
        <translation>%1（我的副本）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="266" />
        <source>%1 (my copy %2)</source>
        <translation>%1（我的副本 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="322" />
        <source>Updating the preview…</source>
        <translation>正在更新预览…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="333" />
        <source>The preview is not available in this version.</source>
        <translation>此版本暂不支持预览。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="335" />
        <source>The preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="349" />
        <source>The template needs a name.</source>
        <translation>模板需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="353" />
        <source>A template called “%1” exists already. Choose another name.</source>
        <translation>已存在名为“%1”的模板。请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="374" />
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_dialog.py" line="376" />
        <source>Delete the template “%1”? Edit &gt; Undo brings it back.</source>
        <translation>删除模板“%1”？可用“编辑 &gt; 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>TemplateFields</name>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="39" />
        <source>Row number</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="40" />
        <source>Product code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="41" />
        <source>Description</source>
        <translation>品名/描述</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="42" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="43" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="44" />
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="45" />
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="46" />
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="47" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="55" />
        <source>Column heading: %1</source>
        <translation>列标题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="57" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="58" />
        <source>Revision (%1 is its number)</source>
        <translation>版本（%1 为版本号）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="59" />
        <source>Date issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="60" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="61" />
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="62" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="63" />
        <source>Customer's contact</source>
        <translation>客户联系人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="64" />
        <source>Our contact</source>
        <translation>我方联系人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="65" />
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="66" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="67" />
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="68" />
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="69" />
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="70" />
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="71" />
        <source>Optional line mark</source>
        <translation>可选项标记</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="72" />
        <source>Discounts</source>
        <translation>折扣合计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="73" />
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="74" />
        <source>Tax at one rate (%1 is the rate)</source>
        <translation>某一税率的税额（%1 为税率）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="75" />
        <source>Total tax</source>
        <translation>税额合计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="76" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="77" />
        <source>Optional items' total</source>
        <translation>可选项合计</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="78" />
        <source>Amount in words</source>
        <translation>金额（英文大写）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="79" />
        <source>Amount in Chinese capitals</source>
        <translation>金额（中文大写）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="80" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="81" />
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="82" />
        <source>Page number (%1 of %2)</source>
        <translation>页码（第 %1 页，共 %2 页）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="83" />
        <source>Signature: customer</source>
        <translation>签字：客户</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="84" />
        <source>Signature: our company</source>
        <translation>签字：我方</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="85" />
        <source>Signatory</source>
        <translation>签字人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="86" />
        <source>Date of signature</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="87" />
        <source>Party A</source>
        <translation>甲方</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="88" />
        <source>Party B</source>
        <translation>乙方</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="89" />
        <source>Contract period</source>
        <translation>合同期限</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="90" />
        <source>Period (%1 to %2)</source>
        <translation>期限（%1 至 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="91" />
        <source>Heading of the items</source>
        <translation>明细标题</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="92" />
        <source>Payment plan</source>
        <translation>付款计划</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="93" />
        <source>Plan column: instalment</source>
        <translation>付款计划列：期数</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="94" />
        <source>Plan column: due date</source>
        <translation>付款计划列：到期日</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="95" />
        <source>Plan column: share</source>
        <translation>付款计划列：比例</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_fields.py" line="96" />
        <source>Plan column: paid</source>
        <translation>付款计划列：已付</translation>
    </message>
</context>
<context>
    <name>TodayActionTexts</name>
    <message>
        <location filename="../../ui/today/row_actions.py" line="84" />
        <location filename="../../ui/today/row_actions.py" line="127" />
        <source>Open card</source>
        <translation>打开卡片</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="84" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="86" />
        <source>Copy phone</source>
        <translation>复制电话</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="87" />
        <location filename="../../ui/today/row_actions.py" line="142" />
        <source>Call</source>
        <translation>拨打电话</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="88" />
        <source>Plan follow-up…</source>
        <translation>计划跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="88" />
        <source>Plan</source>
        <translation>计划跟进</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="92" />
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="92" />
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="96" />
        <source>Reschedule…</source>
        <translation>改期…</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="96" />
        <source>Reschedule</source>
        <translation>改期</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="101" />
        <source>Snooze</source>
        <translation>稍后提醒</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="101" />
        <source>Snooze ▾</source>
        <translation>稍后提醒 ▾</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="108" />
        <location filename="../../ui/today/row_actions.py" line="124" />
        <source>Open deal</source>
        <translation>打开商机</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="109" />
        <source>Edit follow-up…</source>
        <translation>编辑跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="110" />
        <source>Cancel follow-up…</source>
        <translation>取消跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="114" />
        <source>Log a call…</source>
        <translation>记录通话…</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="114" />
        <source>Log call</source>
        <translation>记录通话</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="135" />
        <location filename="../../ui/today/row_actions.py" line="136" />
        <source>Open contract</source>
        <translation>打开合同</translation>
    </message>
    <message>
        <location filename="../../ui/today/row_actions.py" line="287" />
        <source>Copied %1.</source>
        <translation>已复制 %1。</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <location filename="../../ui/today/today_screen.py" line="96" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>TodayTexts</name>
    <message>
        <location filename="../../ui/today/today_model.py" line="165" />
        <source>%1 (%2)</source>
        <comment>section title (count)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_model.py" line="169" />
        <source>%1 — %2</source>
        <comment>section (count) — note</comment>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="165" />
        <source>the first %n shown</source>
        <translation>
            <numerusform>仅显示前 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="196" />
        <location filename="../../ui/today/today_rows.py" line="320" />
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="196" />
        <source>Nothing overdue</source>
        <translation>没有逾期事项</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="197" />
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="197" />
        <source>Nothing else due today</source>
        <translation>今天没有其他到期事项</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="199" />
        <source>Next 7 days</source>
        <translation>未来 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="200" />
        <source>Nothing planned for the next 7 days</source>
        <translation>未来 7 天没有安排</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="203" />
        <source>Stale customers</source>
        <translation>久未联系的客户</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="204" />
        <source>No customer has waited too long</source>
        <translation>没有客户等待过久</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="207" />
        <source>Stale deals</source>
        <translation>停滞的商机</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="208" />
        <source>No deal is stuck in its stage</source>
        <translation>没有商机停滞在当前阶段</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="211" />
        <source>Returning to the pool soon</source>
        <translation>即将退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="212" />
        <source>Nothing goes back to the pool soon</source>
        <translation>近期没有客户退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="215" />
        <source>Overdue payments</source>
        <translation>逾期回款</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="216" />
        <source>No payment is overdue</source>
        <translation>没有逾期回款</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="219" />
        <source>Birthdays this week</source>
        <translation>本周生日</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="220" />
        <source>No birthdays this week</source>
        <translation>本周没有生日</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="245" />
        <source>%1 %2</source>
        <comment>a day, then a time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="258" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="260" />
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="262" />
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="265" />
        <source>ddd d MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="267" />
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="291" />
        <source>%1 (%2 %3)</source>
        <comment>local time (planned time, city)</comment>
        <translation>%1（%3 %2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="321" />
        <source>%n days overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="344" />
        <source>snoozed until %1</source>
        <translation>已推迟到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="378" />
        <source>Never contacted</source>
        <translation>从未联系</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="381" />
        <source>waited %n days (limit %1)</source>
        <translation>
            <numerusform>已等待 %n 天（上限 %1 天）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="382" />
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="406" />
        <source>%n days in %1 (rots after %2)</source>
        <translation>
            <numerusform>在“%1”阶段 %n 天（超过 %2 天即停滞）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="429" />
        <source>returns to the pool today</source>
        <translation>今天退回公海</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/today/today_rows.py" line="431" />
        <source>returns in %n days</source>
        <translation>
            <numerusform>%n 天后退回公海</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="432" />
        <source>held by %1</source>
        <translation>跟进人：%1</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="450" />
        <source>%1 unpaid on contract %2</source>
        <translation>合同 %2 尚欠 %1</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_rows.py" line="471" />
        <source>turns %1</source>
        <translation>满 %1 岁</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/today/today_view.py" line="523" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="561" />
        <source>Open pipeline: %1</source>
        <translation>进行中的商机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="643" />
        <source>dddd d MMMM</source>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <location filename="../../ui/today/today_view.py" line="542" />
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <location filename="../../ui/quotes/totals_panel.py" line="58" />
        <source>Subtotal</source>
        <translation>小计（不含税）</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/totals_panel.py" line="62" />
        <source>Discounts included</source>
        <translation>其中折扣</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/totals_panel.py" line="67" />
        <source>Tax %1</source>
        <translation>税额 %1</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/totals_panel.py" line="70" />
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/totals_panel.py" line="71" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/quotes/totals_panel.py" line="76" />
        <source>Optional lines (not in the total)</source>
        <translation>可选项（不计入合计）</translation>
    </message>
</context>
<context>
    <name>UndoRedo</name>
    <message>
        <location filename="../../ui/undo_redo.py" line="35" />
        <location filename="../../ui/undo_redo.py" line="68" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="38" />
        <location filename="../../ui/undo_redo.py" line="71" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="68" />
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="71" />
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="79" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="80" />
        <source>Undoing %1…</source>
        <translation>正在撤销 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="80" />
        <source>Undoing…</source>
        <translation>正在撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="81" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="81" />
        <source>Undone.</source>
        <translation>已撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="89" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="90" />
        <source>Redoing %1…</source>
        <translation>正在重做 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="90" />
        <source>Redoing…</source>
        <translation>正在重做…</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="91" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../ui/undo_redo.py" line="91" />
        <source>Redone.</source>
        <translation>已重做。</translation>
    </message>
</context>
<context>
    <name>WhileAwayDialog</name>
    <message>
        <location filename="../../ui/reminders/reminder_window.py" line="238" />
        <source>While you were away</source>
        <translation>您离开期间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/reminder_window.py" line="265" />
        <source>The latest %n are listed here; Today lists them all.</source>
        <translation>
            <numerusform>这里列出最近的 %n 项；“今天”页面列出全部。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reminders/reminder_window.py" line="269" />
        <source>%n follow-ups came due while Desktop CRM was closed.</source>
        <translation>
            <numerusform>Desktop CRM 关闭期间有 %n 项跟进到期。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="41" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="47" />
        <source>Preferences…</source>
        <translation>偏好设置…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="54" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="58" />
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="58" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="58" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="66" />
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="67" />
        <source>Hourly</source>
        <translation>每小时</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="68" />
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="69" />
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="70" />
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="71" />
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="72" />
        <source>Before a bulk delete</source>
        <translation>批量删除前</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="73" />
        <source>Before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="77" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="79" />
        <source>Restore selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="91" />
        <source>Recent changes</source>
        <translation>最近的修改</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="95" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="95" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="95" />
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="106" />
        <source>Workspace file: %1</source>
        <translation>工作区文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_settings/workspace_view.py" line="127" />
        <source> (undone)</source>
        <translation>（已撤销）</translation>
    </message>
</context>
</TS>