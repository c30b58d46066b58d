<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa">
<context>
    <name>Background</name>
    <message>
        <location filename="../../inspector_app/ui/background.py" line="137"/>
        <source>لطفاً صبر کنید</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../inspector_app/ui/charts.py" line="75"/>
        <source>برای این انتخاب داده‌ای نیست.</source>
        <translation>Nothing to show for this selection.</translation>
    </message>
</context>
<context>
    <name>BehindPanel</name>
    <message>
        <location filename="../../inspector_app/ui/overview_behind.py" line="27"/>
        <source>روی یک ستون نمودار بزنید تا بازرسی‌های آن را ببینید.</source>
        <translation>Click a chart bar to see its inspections.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_behind.py" line="34"/>
        <source>نمایش در صفحهٔ بازرسی‌ها</source>
        <translation>Show on the Inspections page</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_behind.py" line="47"/>
        <source>بازرسی‌های پشت «{title}»</source>
        <translation>Inspections behind “{title}”</translation>
    </message>
</context>
<context>
    <name>CertificateBox</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="114"/>
        <source>گواهی امضای دیجیتال</source>
        <translation>Digital signing certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="120"/>
        <source>دارنده</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="121"/>
        <source>صادرکننده</source>
        <translation>Issuer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="122"/>
        <source>اعتبار</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="123"/>
        <source>اثر انگشت SHA-256</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="131"/>
        <source>ذخیرهٔ گواهی عمومی برای استانداری…</source>
        <translation>Save public certificate for the governorate…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="135"/>
        <source>ورود گواهی استانداری ({format})…</source>
        <translation>Import governorate certificate ({format})…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="139"/>
        <source>ساخت گواهی خودامضای آزمایشی…</source>
        <translation>Create self-signed test certificate…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="142"/>
        <source>بررسی امضای یک گزارش PDF…</source>
        <translation>Verify a PDF report&apos;s signature…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="173"/>
        <source>هنوز گواهی ندارید</source>
        <translation>You have no certificate yet</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="177"/>
        <source> (نمایشی)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="179"/>
        <source> — خودامضا</source>
        <translation> — self-signed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="181"/>
        <source>از {start} تا {end}</source>
        <translation>From {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="185"/>
        <source> — منقضی شده</source>
        <translation> — expired</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="194"/>
        <source>گواهی عمومی</source>
        <translation>Public certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="206"/>
        <source>گواهی عمومی ذخیره شد.</source>
        <translation>Public certificate saved.</translation>
    </message>
</context>
<context>
    <name>ChangeMarks</name>
    <message>
        <location filename="../../inspector_app/ui/correction_marks.py" line="27"/>
        <source>موردهایی که با بازرسی جایگزین‌شده ({id}) فرق دارند نشان‌دار شده‌اند.</source>
        <translation>Items that differ from the replaced inspection ({id}) are marked.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/correction_marks.py" line="48"/>
        <source>{n} مورد تغییر کرده</source>
        <translation>{n} items changed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/correction_marks.py" line="49"/>
        <source>با بازرسی جایگزین‌شده فرق دارد</source>
        <translation>Differs from the replaced inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/correction_marks.py" line="62"/>
        <source>اصلاحیهٔ بازرسی شمارهٔ {number} —</source>
        <translation>Correction of inspection no. {number} —</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="50"/>
        <location filename="../../inspector_app/ui/overview_tables.py" line="52"/>
        <location filename="../../inspector_app/ui/sync_queue.py" line="51"/>
        <location filename="../../inspector_app/ui/visits_page.py" line="63"/>
        <source>دفتر</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="56"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="51"/>
        <location filename="../../inspector_app/ui/overview_tables.py" line="54"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="58"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="56"/>
        <location filename="../../inspector_app/ui/overview_tables.py" line="53"/>
        <location filename="../../inspector_app/ui/overview_tables.py" line="68"/>
        <location filename="../../inspector_app/ui/visits_page.py" line="68"/>
        <source>شهرستان</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="60"/>
        <location filename="../../inspector_app/ui/sync_queue.py" line="52"/>
        <source>تاریخ بازدید</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="62"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="59"/>
        <location filename="../../inspector_app/ui/sync_queue.py" line="54"/>
        <location filename="../../inspector_app/ui/visits_page.py" line="84"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="64"/>
        <source>امتیاز</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="66"/>
        <source>رتبه</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="68"/>
        <source>موارد الزامی باز</source>
        <translation>Required open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_table.py" line="70"/>
        <source>بازرس</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="49"/>
        <source>نام دفتر</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="57"/>
        <source>شهر</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="66"/>
        <location filename="../../inspector_app/ui/overview_tables.py" line="56"/>
        <source>آخرین بازرسی</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="73"/>
        <source>آخرین امتیاز</source>
        <translation>Last score</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="81"/>
        <source>اقدام معوق</source>
        <translation>Overdue actions</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="51"/>
        <source>کد</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="65"/>
        <source>روز گذشته</source>
        <translation>Days since</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="70"/>
        <source>جمعیت</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="22"/>
        <source>پیشخوان</source>
        <translation>Government counter</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="23"/>
        <source>پلیس ‎+۱۰</source>
        <translation>Police +10</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="24"/>
        <source>کارگزاری</source>
        <translation>Insurance brokerage</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="74"/>
        <source>دفتر در ۱۰۰ هزار نفر</source>
        <translation>Offices per 100k people</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="80"/>
        <source>در انتظار مجوز</source>
        <translation>Licence pending</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="64"/>
        <source>بررسی استانداری</source>
        <translation>Governorate review</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="59"/>
        <source>تلاش‌ها</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="61"/>
        <source>تلاش بعدی</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="62"/>
        <source>علت آخرین ناکامی</source>
        <translation>Reason of last failure</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="70"/>
        <source>مهلت</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="77"/>
        <source>مانده</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="90"/>
        <source>یادداشت</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="99"/>
        <source>این شهرستان هیچ دفتر فعالی از این نوع ندارد</source>
        <translation>This county has no active office of this type</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="169"/>
        <source>رویداد نهایی‌سازی این بازرسی در دفتر رویدادها نیست (حذف یا بازنویسی شده است).</source>
        <translation>This inspection&apos;s finalize entry is not in the audit log (deleted or rewritten).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="172"/>
        <source>این بازرسی همگام شده است، اما رویداد همگام‌سازی آن در دفتر رویدادها نیست (حذف یا بازنویسی شده است).</source>
        <translation>This inspection was synced, but its sync entry is not in the audit log (deleted or rewritten).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="224"/>
        <source>رویدادهای {start} به بعد از انتهای دفتر رویدادها بریده شده‌اند: گزارش امضاشدهٔ این بازرسی رویداد {seq} را در خود دارد، اما دفتر اکنون به رویداد {last} پایان می‌یابد.</source>
        <translation>The audit log&apos;s entries from {start} on were cut off its end: this inspection&apos;s signed report holds entry {seq}, but the log now ends at entry {last}.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="229"/>
        <source>همهٔ رویدادهای دفتر رویدادها حذف شده‌اند: گزارش امضاشدهٔ این بازرسی رویداد {seq} را در خود دارد، اما دفتر خالی است.</source>
        <translation>Every entry of the audit log was deleted: this inspection&apos;s signed report holds entry {seq}, but the log is empty.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="234"/>
        <source>دفتر رویدادها از جایی میان رویداد {start} و رویداد {seq} به بعد بازنویسی شده است: چکیدهٔ رویداد {seq} دیگر آن نیست که در گزارش امضاشدهٔ این بازرسی آمده است.</source>
        <translation>The audit log was rewritten from somewhere between entry {start} and entry {seq} on: the hash of entry {seq} is no longer the one in this inspection&apos;s signed report.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="239"/>
        <source>رویداد {seq}، که گزارش امضاشدهٔ این بازرسی آن را در خود دارد، از میان دفتر رویدادها حذف شده است.</source>
        <translation>Entry {seq}, which this inspection&apos;s signed report holds, was deleted from the middle of the audit log.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="244"/>
        <source>رویدادهای {start} به بعد از انتهای دفتر رویدادها بریده شده‌اند: سرور از همگام‌سازی پیشین رویداد {seq} را نگه داشته، اما دفتر اکنون به رویداد {last} پایان می‌یابد.</source>
        <translation>The audit log&apos;s entries from {start} on were cut off its end: the server kept entry {seq} from an earlier sync, but the log now ends at entry {last}.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="249"/>
        <source>همهٔ رویدادهای دفتر رویدادها حذف شده‌اند: سرور از همگام‌سازی پیشین رویداد {seq} را نگه داشته، اما دفتر خالی است.</source>
        <translation>Every entry of the audit log was deleted: the server kept entry {seq} from an earlier sync, but the log is empty.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="254"/>
        <source>دفتر رویدادها از جایی میان رویداد {start} و رویداد {seq} به بعد بازنویسی شده است: چکیدهٔ رویداد {seq} با آنچه سرور از همگام‌سازی پیشین نگه داشته نمی‌خواند.</source>
        <translation>The audit log was rewritten from somewhere between entry {start} and entry {seq} on: the hash of entry {seq} does not match what the server kept from an earlier sync.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity.py" line="259"/>
        <source>رویداد {seq}، که سرور از همگام‌سازی پیشین نگه داشته، از میان دفتر رویدادها حذف شده است.</source>
        <translation>Entry {seq}, which the server kept from an earlier sync, was deleted from the middle of the audit log.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/anchor.py" line="24"/>
        <source>سرور سرِ دفتر رویدادهای این رایانه را نپذیرفت: {problem} ممکن است پروندهٔ داده‌ها دستکاری شده باشد؛ به پشتیبانی خبر دهید («inspector-app audit verify» جزئیات را نشان می‌دهد).</source>
        <translation>The server refused the head of this computer&apos;s audit log: {problem} The data folder may have been tampered with; tell support («inspector-app audit verify» shows the details).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/anchor.py" line="30"/>
        <source>سرِ دفتر رویدادها به سرور فرستاده نشد (پاسخ {status}): {detail}</source>
        <translation>The head of the audit log was not sent to the server (reply {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/anchor.py" line="33"/>
        <source>سرِ دفتر رویدادها با سرور سنجیده نشد: {reason}</source>
        <translation>The head of the audit log was not checked against the server: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/context.py" line="44"/>
        <source>فرمی برای این نوع دفتر ({type}) نیست</source>
        <translation>There is no form for this office type ({type})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/correction.py" line="40"/>
        <source>پیش‌نویس را می‌توان مستقیم ویرایش کرد؛ اصلاحیه برای بازرسی نهایی‌شده است.</source>
        <translation>A draft can be edited directly; a correction is for a finalized inspection.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/correction.py" line="50"/>
        <source>این بازرسی پیش‌تر با بازرسی {id} اصلاح شده است؛ اصلاح دوباره را از همان بازرسی اصلاحی آغاز کنید.</source>
        <translation>This inspection was already corrected by inspection {id}; start a further correction from that correcting inspection.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="59"/>
        <source>بازرسی هنوز آمادهٔ نهایی‌سازی نیست:
{problems}</source>
        <translation>The inspection is not ready to be finalized yet:
{problems}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="99"/>
        <location filename="../../inspector_app/storage/lifecycle.py" line="42"/>
        <source>این بازرسی پیش‌تر نهایی شده است.</source>
        <translation>This inspection has already been finalized.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="108"/>
        <source>پرسش الزامی بی‌پاسخ (مصاحبهٔ {n}): {text}</source>
        <translation>Required question unanswered (interview {n}): {text}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="110"/>
        <source>پرسش الزامی بی‌پاسخ: {text}</source>
        <translation>Required question unanswered: {text}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="118"/>
        <source>امضای بازرس ثبت نشده است.</source>
        <translation>The inspector&apos;s signature is missing.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="125"/>
        <source>امضای نمایندهٔ دفتر یا دلیل امضا نکردن او ثبت نشده است.</source>
        <translation>The office representative&apos;s signature, or the reason for not signing, is missing.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="133"/>
        <source>ساعت پایان بازدید (خروج) ثبت نشده است.</source>
        <translation>The end time of the visit (departure) is missing.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="140"/>
        <source>ساعت خروج ({departure}) پیش از ساعت ورود ({arrival}) است؛ ساعت‌های بازدید را درست کنید.</source>
        <translation>The departure time ({departure}) is before the arrival time ({arrival}); correct the visit times.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="160"/>
        <source>پیگیری «{text}» انجام‌شده ثبت شده است اما عکس شاهد ندارد.</source>
        <translation>The follow-up “{text}” is marked done but has no evidence photo.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/bundles.py" line="32"/>
        <location filename="../../inspector_app/storage/inspections.py" line="58"/>
        <location filename="../../inspector_app/storage/inspections.py" line="67"/>
        <location filename="../../inspector_app/storage/inspections.py" line="82"/>
        <location filename="../../inspector_app/storage/lifecycle.py" line="39"/>
        <source>بازرسی با شناسهٔ {id} پیدا نشد</source>
        <translation>No inspection with id {id} was found</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="249"/>
        <source>بازرسی هنگام نهایی‌سازی تغییر کرد؛ چیزی نهایی نشد. دوباره تلاش کنید.</source>
        <translation>The inspection changed while it was being finalized; nothing was finalized. Try again.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/finalize.py" line="282"/>
        <source>این بازرسی هنوز نهایی نشده و گزارش امضاشده ندارد.</source>
        <translation>This inspection is not finalized yet and has no signed report.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="70"/>
        <source>پرونده sha256 ندارد</source>
        <translation>The file has no sha256</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="75"/>
        <source>بازرسی پرونده شکل استاندارد (RFC 8785) ندارد: {reason}</source>
        <translation>The file&apos;s inspection has no canonical form (RFC 8785): {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="80"/>
        <source>محتوای بازرسی با sha256 پرونده نمی‌خواند؛ پرونده پس از برون‌بری ویرایش شده است.</source>
        <translation>The inspection does not match the file&apos;s sha256; the file was edited after it was exported.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="101"/>
        <source>شناسهٔ {id} در بخش {part} دو بار آمده است</source>
        <translation>The id {id} appears twice in {part}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="126"/>
        <source>دادهٔ عکس {id} در پرونده نیست</source>
        <translation>The file has no data for photo {id}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="140"/>
        <location filename="../../inspector_app/services/import_checks.py" line="158"/>
        <source>بخش «{part}» شیء JSON نیست</source>
        <translation>«{part}» is not a JSON object</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="147"/>
        <source>sha256 تصویر امضای {role} نمی‌خواند</source>
        <translation>The image of the {role} signature does not match its sha256</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="177"/>
        <source>خط‌های امضای {role} نامعتبر است</source>
        <translation>The strokes of the {role} signature are not valid</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="187"/>
        <source>دادهٔ base64 نامعتبر در {what}</source>
        <translation>Invalid base64 data in {what}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="207"/>
        <source>شناسهٔ {id} در بخش {part} از آنِ بازرسی {owner} در این پایگاه است؛ پرونده وارد نشد و چیزی تغییر نکرد.</source>
        <translation>The id {id} in {part} belongs to inspection {owner} in this database; the file was not imported and nothing changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="224"/>
        <source>این بازرسی اصلاحیهٔ بازرسی {id} است که در این پایگاه نیست؛ نخست آن را وارد کنید.</source>
        <translation>This inspection corrects inspection {id}, which is not in this database; import that one first.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="232"/>
        <source>اصلاحیه و بازرسی {id} که جایگزینش می‌شود از یک دفتر نیستند</source>
        <translation>The correction and inspection {id}, which it replaces, are not of the same office</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="240"/>
        <source>بازرسی {id} پیش‌تر با بازرسی {other} اصلاح شده است</source>
        <translation>Inspection {id} has already been corrected by inspection {other}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/offices.py" line="75"/>
        <location filename="../../inspector_app/services/import_checks.py" line="44"/>
        <location filename="../../inspector_app/services/sync/updates.py" line="166"/>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="146"/>
        <source>پرونده خوانده نشد: {reason}</source>
        <translation>The file could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/offices.py" line="84"/>
        <location filename="../../inspector_app/services/import_checks.py" line="50"/>
        <location filename="../../inspector_app/services/import_checks.py" line="56"/>
        <location filename="../../inspector_app/services/import_checks.py" line="62"/>
        <source>JSON نامعتبر: {reason}</source>
        <translation>Invalid JSON: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/offices.py" line="93"/>
        <source>JSON باید فهرست «offices» داشته باشد</source>
        <translation>The JSON must have an “offices” list</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/offices.py" line="103"/>
        <source>ستون‌های لازم نیست: {columns}</source>
        <translation>Required columns are missing: {columns}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/offices.py" line="110"/>
        <source>فقط پروندهٔ CSV یا JSON پذیرفته می‌شود</source>
        <translation>Only a CSV or JSON file is accepted</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/offices.py" line="121"/>
        <source>{row}، ستون {column}: {reason}</source>
        <translation>{row}, column {column}: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/offices.py" line="129"/>
        <source>{row}: کد تکراری {code}</source>
        <translation>{row}: duplicate code {code}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="193"/>
        <source>ساختار پرونده بیش از اندازه تودرتو است</source>
        <translation>The file is nested too deeply</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="208"/>
        <source>قالب پرونده «{format}» نیست</source>
        <translation>The file is not in the “{format}” format</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="212"/>
        <source>بخش «inspection» نیست</source>
        <translation>The “inspection” section is missing</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="219"/>
        <source>تاریخ یا زمان نامعتبر در {field}: «{value}» (روز میلادی YYYY-MM-DD، زمان ISO 8601 با منطقهٔ زمانی)</source>
        <translation>Invalid date or time in {field}: «{value}» (a Gregorian day is YYYY-MM-DD, a time is ISO 8601 with its time zone)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="228"/>
        <location filename="../../inspector_app/services/inspection_document.py" line="239"/>
        <source>ساختار پرونده با طرح نمی‌خواند: {reason}</source>
        <translation>The file&apos;s structure does not match the schema: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="234"/>
        <source>پرونده با داده‌های این پایگاه نمی‌خواند: {reason}</source>
        <translation>The file conflicts with the data in this database: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="249"/>
        <source>sha256 فرم با محتوای آن نمی‌خواند</source>
        <translation>The form&apos;s sha256 does not match its content</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="256"/>
        <location filename="../../inspector_app/storage/drafts.py" line="38"/>
        <source>پرسش ناشناخته: {item}</source>
        <translation>Unknown question: {item}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/inspection_document.py" line="381"/>
        <source>بخش {part} پرونده با آنچه از داده‌هایش ساخته می‌شود نمی‌خواند (ویرایش دستی؟)</source>
        <translation>The file&apos;s {part} does not match what its data gives (edited by hand?)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="196"/>
        <source>بازرسی {id} از پیش در این پایگاه هست</source>
        <translation>Inspection {id} is already in this database</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/import_checks.py" line="131"/>
        <source>sha256 عکس {id} نمی‌خواند</source>
        <translation>The sha256 of photo {id} does not match</translation>
    </message>
    <message>
        <location filename="../../inspector_app/figures/population.py" line="39"/>
        <source>پروندهٔ جمعیت خوانده نشد: {reason}</source>
        <translation>The population file could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/figures/population.py" line="50"/>
        <source>پروندهٔ جمعیت باید ستون‌های county_fa و population داشته باشد</source>
        <translation>The population file must have the columns county_fa and population</translation>
    </message>
    <message>
        <location filename="../../inspector_app/figures/population.py" line="57"/>
        <source>منبع آمار در پرونده نیامده است (سطرهای آغازشده با # در ابتدای پرونده)</source>
        <translation>The file does not name the source of its figures (lines starting with # at the top of the file)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/figures/population.py" line="69"/>
        <source>نام شهرستان یا جمعیت نامعتبر است</source>
        <translation>Invalid county name or population</translation>
    </message>
    <message>
        <location filename="../../inspector_app/figures/population.py" line="74"/>
        <source>شهرستان {county} دو بار آمده است</source>
        <translation>County {county} appears twice</translation>
    </message>
    <message>
        <location filename="../../inspector_app/figures/population.py" line="81"/>
        <source>پروندهٔ جمعیت هیچ سطری ندارد</source>
        <translation>The population file has no rows</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/overview/population.py" line="38"/>
        <source>رونوشت پروندهٔ جمعیت ساخته نشد: {reason}</source>
        <translation>The population file could not be copied: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/photos.py" line="61"/>
        <source>عکس بیش از اندازه بزرگ است</source>
        <translation>The photo is too large</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/photos.py" line="64"/>
        <source>این پرونده تصویر نیست یا قالب آن پشتیبانی نمی‌شود</source>
        <translation>This file is not an image, or its format is not supported</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/photos.py" line="69"/>
        <source>پروندهٔ تصویر خراب است ({reason})</source>
        <translation>The image file is damaged ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/certificates.py" line="119"/>
        <source>گواهی خوانده نشد؛ پرونده گواهی X.509 نیست ({reason})</source>
        <translation>The certificate could not be read; the file is not an X.509 certificate ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="86"/>
        <source>گذرواژه باید دست‌کم {n} نویسه باشد.</source>
        <translation>The passphrase must have at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="102"/>
        <source>نام دارندهٔ گواهی با حرف آغاز و پایان شود (نه رقم یا نشانه) و حروف فارسی و لاتین را با هم نیامیزد: «{name}»</source>
        <translation>The certificate holder&apos;s name must begin and end with a letter (not a digit or symbol) and not mix Persian and Latin letters: “{name}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="138"/>
        <source>نام دارندهٔ گواهی خالی است؛ نام بازرس را در تنظیمات وارد کنید.</source>
        <translation>The certificate holder&apos;s name is empty; enter the inspector&apos;s name in Settings.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="182"/>
        <source>رمز پروندهٔ PKCS#12 درست نیست (یا پرونده آسیب دیده است). رمزی را که استانداری همراه پرونده داده است وارد کنید؛ چیزی تغییر نکرد.</source>
        <translation>The PKCS#12 file&apos;s password is wrong (or the file is damaged). Enter the password the governorate gave with the file; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="189"/>
        <source>این پرونده PKCS#12 (.p12/.pfx) نیست؛ چیزی تغییر نکرد.</source>
        <translation>This is not a PKCS#12 (.p12/.pfx) file; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="193"/>
        <source>پروندهٔ PKCS#12 کلید خصوصی یا گواهی ندارد؛ چیزی تغییر نکرد.</source>
        <translation>The PKCS#12 file has no private key or no certificate; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="200"/>
        <source>نوع کلید پروندهٔ PKCS#12 پشتیبانی نمی‌شود (فقط RSA یا EC).</source>
        <translation>The PKCS#12 file&apos;s key type is not supported (RSA or EC only).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="245"/>
        <source>پروندهٔ PKCS#12 خوانده نشد ({reason})؛ چیزی تغییر نکرد.</source>
        <translation>The PKCS#12 file could not be read ({reason}); nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/keys.py" line="100"/>
        <source>گواهی امضا معتبر نیست: اعتبار آن از {start} تا {end} است. گواهی تازه از استانداری بگیرید و وارد کنید؛ چیزی نهایی نشد.</source>
        <translation>The signing certificate is not valid: it is valid from {start} to {end}. Get a new certificate from the governorate and import it; nothing was finalized.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/keys.py" line="145"/>
        <source>کلید خصوصی ذخیره‌شده خراب است و خوانده نمی‌شود. گواهی را دوباره وارد کنید یا شناسهٔ تازه بسازید؛ چیزی نهایی نشد.</source>
        <translation>The stored private key is corrupt and cannot be read. Import the certificate again or create a new identity; nothing was finalized.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/keys.py" line="161"/>
        <source>گذرواژه درست نیست؛ چیزی نهایی نشد.</source>
        <translation>Wrong passphrase; nothing was finalized.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/keys.py" line="164"/>
        <source>کلید خصوصی ذخیره‌شده آسیب دیده است و خوانده نمی‌شود. گواهی را دوباره وارد کنید یا شناسهٔ تازه بسازید؛ چیزی نهایی نشد.</source>
        <translation>The stored private key is damaged and cannot be read. Import the certificate again or create a new identity; nothing was finalized.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/keys.py" line="171"/>
        <source>نوع کلید خصوصی ذخیره‌شده پشتیبانی نمی‌شود.</source>
        <translation>The stored private key&apos;s type is not supported.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/keys.py" line="174"/>
        <source>کلید خصوصی ذخیره‌شده با گواهی جور نیست؛ گواهی را دوباره وارد کنید.</source>
        <translation>The stored private key does not match the certificate; import the certificate again.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/identity.py" line="283"/>
        <source>هنوز شناسهٔ امضا (کلید و گواهی) ساخته نشده است. در تنظیمات گواهی استانداری را وارد کنید یا برای آزمایش یک گواهی خودامضا بسازید.</source>
        <translation>There is no signing identity (key and certificate) yet. In Settings, import the governorate&apos;s certificate or, to try things out, make a self-signed one.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/pdf_sign.py" line="138"/>
        <source>امضای PDF ممکن نشد: {reason}</source>
        <translation>The PDF could not be signed: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/bundles.py" line="36"/>
        <source>بازرسی {id} هنوز نهایی نشده است و فرستادنی نیست.</source>
        <translation>Inspection {id} is not finalized yet and cannot be sent.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/bundles.py" line="78"/>
        <source>بازرسی نهایی‌شده‌ای برای بیرون‌بردن نیست.</source>
        <translation>There is no finalized inspection to export.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/client.py" line="94"/>
        <source>به سرور وصل نشد: {reason}</source>
        <translation>Could not connect to the server: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/client.py" line="29"/>
        <source>سرور در دسترس نیست ({reason})</source>
        <translation>The server is not reachable ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/client.py" line="30"/>
        <source>گواهی سرور با گواهی سنجاق‌شده نمی‌خواند: ممکن است ارتباط شنود شود (کسی میان این رایانه و سرور باشد). چیزی فرستاده نشد؛ به کارشناس استانداری خبر دهید. ({reason})</source>
        <translation>The server&apos;s certificate is not the pinned one: the connection may be intercepted (someone may be between this computer and the server). Nothing was sent; tell the governorate&apos;s administrator. ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/client.py" line="35"/>
        <source>گواهی سرور پذیرفته نشد: ممکن است ارتباط شنود شود. چیزی فرستاده نشد؛ اگر استانداری گواهی خودامضا به کار می‌برد، با اثر انگشت آن دوباره ثبت‌نام کنید (--pin-sha256). ({reason})</source>
        <translation>The server&apos;s certificate was not accepted: the connection may be intercepted. Nothing was sent; if the governorate uses a self-signed certificate, enrol again with its fingerprint (--pin-sha256). ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/client.py" line="136"/>
        <source>نشانی سرور http ساده است: هر کس در شبکه می‌تواند آنچه فرستاده می‌شود را بخواند یا تغییر دهد. نشانی https به کار ببرید، یا فقط در شبکهٔ آزمایشی با --allow-insecure-http ثبت‌نام کنید.</source>
        <translation>The server address is plain http: anyone on the network can read or change what is sent. Use an https address, or, on a test network only, enrol with --allow-insecure-http.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/client.py" line="180"/>
        <source>سرور این دستگاه را نمی‌شناسد یا دسترسی آن لغو شده است؛ دوباره ثبت‌نام کنید (inspector-app enrol).</source>
        <translation>The server does not know this device or its access was revoked; enrol again (inspector-app enrol).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/client.py" line="211"/>
        <source>ثبت‌نام پذیرفته نشد: {reason}</source>
        <translation>Enrolment was refused: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/runner.py" line="57"/>
        <source>خطای سرور {status}: {detail}</source>
        <translation>Server error {status}: {detail}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/runner.py" line="58"/>
        <source>سرور نپذیرفت ({status}): {detail} {problems}</source>
        <translation>The server refused it ({status}): {detail} {problems}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/runner.py" line="119"/>
        <source>نشانی سرور باید با http:// یا https:// آغاز شود.</source>
        <translation>The server address must start with http:// or https://.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/runner.py" line="126"/>
        <source>اثر انگشت گواهی سرور با آنچه داده شده نمی‌خواند؛ ممکن است سرور دیگری در میان باشد. ثبت‌نام انجام نشد. (اثر انگشت سرور: {actual})</source>
        <translation>The server certificate&apos;s fingerprint does not match the one given; another server may be in between. Enrolment was not done. (Server fingerprint: {actual})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/runner.py" line="197"/>
        <source>این دستگاه هنوز در سرور استانداری ثبت‌نام نشده است (inspector-app enrol).</source>
        <translation>This device is not enrolled with the governorate server yet (inspector-app enrol).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/lock.py" line="34"/>
        <source>همگام‌سازی دیگری هم‌اکنون در جریان است.</source>
        <translation>Another sync is already running.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/lock.py" line="38"/>
        <source>قفل همگام‌سازی گرفته نشد: {reason}</source>
        <translation>Could not take the sync lock: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/runner.py" line="289"/>
        <source>سرور بازرسی دیگری با همین شناسه و محتوای متفاوت دارد؛ برای بررسی به کارشناس استانداری ارجاع شد.</source>
        <translation>The server has another inspection with the same id and different content; it was referred to a governorate officer for review.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="98"/>
        <source>فهرست دفاتر JSON معتبر نیست: {reason}</source>
        <translation>The office registry is not valid JSON: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="102"/>
        <source>فهرست دفاتر بخش «offices» ندارد</source>
        <translation>The office registry has no “offices” section</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="110"/>
        <source>دفتر شمارهٔ {number} نامعتبر است: {reason}</source>
        <translation>Office number {number} is invalid: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="123"/>
        <source>نام پروندهٔ فرم پذیرفتنی نیست: {name}</source>
        <translation>Form file name not allowed: {name}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="132"/>
        <source>فرم {name} نامعتبر است: {reason}</source>
        <translation>Form {name} is invalid: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="172"/>
        <source>بستهٔ به‌روزرسانی دست‌کاری شده یا خراب است؛ چیزی تغییر نکرد ({reason})</source>
        <translation>The update bundle was tampered with or is damaged; nothing was changed ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="227"/>
        <source>گواهی‌های سرور در بستهٔ به‌روزرسانی خوانده نشد: {reason}</source>
        <translation>The server certificates in the update bundle could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="39"/>
        <source>بستهٔ به‌روزرسانی با کلید استانداری شما امضا نشده است؛ چیزی تغییر نکرد.</source>
        <translation>The update bundle is not signed with your governorate&apos;s key; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="42"/>
        <source>پاسخ سرور ({resource}) با کلید به‌روزرسانی استانداری شما امضا نشده است: ممکن است کسی در میان راه آن را تغییر داده باشد. فرم‌ها و فهرست دفاتر تغییر نکردند. ({reason})</source>
        <translation>The server&apos;s answer ({resource}) is not signed with your governorate&apos;s update key: someone on the way may have changed it. The forms and the office registry were not changed. ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="61"/>
        <source>برنامهٔ بازدید خوانده نشد و برنامهٔ پیشین به جا ماند: {reason}</source>
        <translation>The visit plan could not be read; the previous plan was kept: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="66"/>
        <source>به‌روزرسانی {resource} کهنه‌تر از آن است که این رایانه دارد (از {as_of}، پس از {taken})؛ ممکن است کسی پاسخ یا بستهٔ قدیمی را دوباره فرستاده باشد. چیزی تغییر نکرد.</source>
        <translation>The {resource} update is older than the one this computer has (from {as_of}, after {taken}); someone may have sent an old answer or bundle again. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/updates.py" line="201"/>
        <source>{reason}؛ چیزی تغییر نکرد.</source>
        <translation>{reason}; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/workflow.py" line="31"/>
        <source>دفتری با کد {code} در فهرست نیست</source>
        <translation>There is no office with code {code} in the registry</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/corrections.py" line="40"/>
        <location filename="../../inspector_app/storage/db.py" line="293"/>
        <location filename="../../inspector_app/storage/inspections.py" line="85"/>
        <location filename="../../inspector_app/storage/inspections.py" line="102"/>
        <source>این بازرسی نهایی شده و دیگر تغییر نمی‌کند.</source>
        <translation>This inspection is finalized and can no longer change.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="56"/>
        <source>این پایگاه داده با نسخهٔ جدیدتری از برنامه ساخته شده است (نسخهٔ طرح {version}؛ این برنامه تا نسخهٔ {known} را می‌شناسد). برنامه را به‌روز کنید؛ پرونده دست‌نخورده ماند.</source>
        <translation>This database was made by a newer version of the app (schema version {version}; this app knows up to version {known}). Update the app; the file was left untouched.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="91"/>
        <source>پروندهٔ پایگاه داده خراب است یا پایگاه دادهٔ SQLite نیست ({reason}). پرونده دست‌نخورده ماند؛ آن را از پشتیبان بازیابی کنید.</source>
        <translation>The database file is damaged or not an SQLite database ({reason}). The file was left untouched; restore it from a backup.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="156"/>
        <source>پروندهٔ پشتیبان قابل استفاده نیست: {reason}</source>
        <translation>The backup file cannot be used: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="221"/>
        <source>پروندهٔ پایگاه داده باز نشد ({reason}): پوشه یا پرونده نیست، در دسترس نیست یا اجازهٔ دسترسی ندارد. چیزی تغییر نکرد.</source>
        <translation>The database file could not be opened ({reason}): the folder or the file is missing, out of reach or not permitted. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="249"/>
        <source>دیسک پر است؛ فضا آزاد کنید و دوباره تلاش کنید. چیزی تغییر نکرد.</source>
        <translation>The disk is full; free some space and try again. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="259"/>
        <source>پوشه یا پرونده فقط‌خواندنی است یا اجازهٔ نوشتن نیست. چیزی تغییر نکرد.</source>
        <translation>The folder or file is read-only, or writing is not permitted. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="269"/>
        <source>دیسک در خواندن یا نوشتن خطا داد ({reason}): دیسک یا حافظهٔ جانبی را بررسی کنید. چیزی تغییر نکرد.</source>
        <translation>The disk failed to read or write ({reason}): check the disk or the removable drive. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="233"/>
        <source>پایگاه داده در دست برنامهٔ دیگری است؛ کمی بعد دوباره تلاش کنید. چیزی تغییر نکرد.</source>
        <translation>Another program is using the database; try again shortly. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="194"/>
        <location filename="../../inspector_app/storage/db.py" line="241"/>
        <source>نوشتن در حافظه ممکن نشد ({reason}). چیزی تغییر نکرد.</source>
        <translation>Writing to storage failed ({reason}). Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/db.py" line="211"/>
        <source>پایگاه داده خراب است ({reason})</source>
        <translation>The database is damaged ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/identities.py" line="118"/>
        <source>شناسهٔ امضا {id} پیدا نشد</source>
        <translation>Signing identity {id} was not found</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="50"/>
        <source>مصاحبهٔ شمارهٔ {repeat} وجود ندارد</source>
        <translation>There is no interview number {repeat}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="51"/>
        <location filename="../../inspector_app/storage/drafts.py" line="58"/>
        <location filename="../../inspector_app/storage/drafts.py" line="72"/>
        <source>پرسش {item}</source>
        <translation>Question {item}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="57"/>
        <source>این پرسش تکرارشونده نیست</source>
        <translation>This question does not repeat</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="71"/>
        <source>برای پرسش عکس، عکس پیوست کنید</source>
        <translation>For a photo question, attach a photo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="185"/>
        <source>این فرم گروه مصاحبه ندارد</source>
        <translation>This form has no interview group</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="271"/>
        <location filename="../../inspector_app/storage/drafts.py" line="287"/>
        <source>عکس {id} پیدا نشد</source>
        <translation>Photo {id} was not found</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="315"/>
        <source>شرح یافته خالی است</source>
        <translation>The finding&apos;s description is empty</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/drafts.py" line="242"/>
        <location filename="../../inspector_app/storage/drafts.py" line="322"/>
        <location filename="../../inspector_app/storage/drafts.py" line="353"/>
        <location filename="../../inspector_app/storage/followups.py" line="168"/>
        <source>یافتهٔ {id} پیدا نشد</source>
        <translation>Finding {id} was not found</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/inspections.py" line="208"/>
        <source>بازرسی دیگری به این پیش‌نویس ارجاع می‌دهد</source>
        <translation>Another inspection refers to this draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/settings.py" line="85"/>
        <source>نام و نام خانوادگی بازرس خالی است؛ چیزی ذخیره نشد.</source>
        <translation>The inspector&apos;s full name is empty; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/settings.py" line="89"/>
        <source>شمارهٔ پرسنلی باید فقط رقم باشد (حداکثر {n} رقم)؛ چیزی ذخیره نشد.</source>
        <translation>The personnel number must be digits only (at most {n} digits); nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="152"/>
        <source>گواهی ریشهٔ استانداری یا فهرست ابطال خوانا نیست.</source>
        <translation>The governorate&apos;s root certificate or revocation list is not readable.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="165"/>
        <source>این PDF امضای دیجیتال ندارد.</source>
        <translation>This PDF has no digital signature.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="210"/>
        <source>محتوای امضاشده تغییر کرده است (امضا با پرونده نمی‌خواند).</source>
        <translation>The signed content has changed (the signature does not match the file).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="214"/>
        <source>امضا معتبر نیست (گواهی یا ساختار امضا پذیرفته نشد).</source>
        <translation>The signature is not valid (the certificate or the signature&apos;s structure was not accepted).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="218"/>
        <source>پس از امضا چیزی به پرونده افزوده شده است.</source>
        <translation>Something was added to the file after it was signed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="224"/>
        <source>شناسهٔ sha256 گزارش در اطلاعات PDF پیدا نشد.</source>
        <translation>The report&apos;s sha256 was not found in the PDF&apos;s metadata.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="232"/>
        <source>گواهی امضاکننده را استانداری باطل کرده است.</source>
        <translation>The governorate has revoked the signer&apos;s certificate.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/pdf/verify.py" line="244"/>
        <source>امضاکننده همان دارندهٔ گواهی ثبت‌شده نیست.</source>
        <translation>The signer is not the holder of the registered certificate.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="114"/>
        <source>نوشتن ممکن نشد: {reason}</source>
        <translation>Could not write the file: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="64"/>
        <source>این بازرسی در این پایگاه داده هنوز پیش‌نویس است.</source>
        <translation>This inspection is still a draft in this database.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="69"/>
        <source>sha256 درج‌شده در گزارش با بازرسی ثبت‌شده نمی‌خواند.</source>
        <translation>The sha256 printed in the report does not match the recorded inspection.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/backup.py" line="91"/>
        <source>بازیابی این پشتیبان کارهای فهرست‌شده را تغییر می‌دهد و تأیید نشد. چیزی تغییر نکرد.</source>
        <translation>Restoring this backup changes the work listed and was not confirmed. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/backup.py" line="108"/>
        <source>پشتیبان نسخهٔ دیگری از بازرسی نهایی‌شدهٔ {ids} دارد؛ نسخهٔ امضاشده جایگزین نمی‌شود و بازیابی انجام نشد. چیزی تغییر نکرد.</source>
        <translation>The backup holds another version of the finalized inspection {ids}; the signed version is not replaced and the restore was not done. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/backup.py" line="117"/>
        <source>این پشتیبان وضع پیشین همین پایگاه داده نیست (دفتر رویدادهایش به دفتر فعلی نمی‌رسد) و {count} بازرسی نهایی‌شدهٔ اینجا در آن نیست؛ رویدادهایی که گزارش‌های امضاشدهٔ آن‌ها به آن‌ها اشاره می‌کنند منتقل نمی‌شوند، پس بازیابی انجام نشد. چیزی تغییر نکرد.</source>
        <translation>This backup is not an earlier state of this database (its audit log does not lead to the current one) and {count} finalized inspections here are not in it; the audit entries their signed reports refer to cannot come along, so the restore was not done. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/backup.py" line="127"/>
        <source>بازرسی‌های نهایی‌شدهٔ این پشتیبان با آنچه امضا شده نمی‌خوانند ({problems})؛ بازیابی انجام نشد. چیزی تغییر نکرد.</source>
        <translation>The finalized inspections in this backup do not match what was signed ({problems}); the restore was not done. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/backup.py" line="161"/>
        <source>بازرسی‌های نهایی‌شده به پایگاه بازیابی‌شده منتقل نشدند ({reason})؛ بازیابی انجام نشد. چیزی تغییر نکرد.</source>
        <translation>The finalized inspections could not be carried over into the restored database ({reason}); the restore was not done. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/signing/csr.py" line="43"/>
        <source>گواهی‌ای که سرور فرستاد برای کلید این رایانه نیست یا از مرجع گواهی همراهش صادر نشده است؛ ثبت‌نام انجام نشد. ({reason})</source>
        <translation>The certificate the server sent is not for this computer&apos;s key, or was not issued by the certificate authority sent with it; the enrolment was not made. ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/sync/revocations.py" line="17"/>
        <source>فهرست گواهی‌های باطل‌شده با مرجع گواهی استانداری امضا نشده یا خراب است؛ چیزی تغییر نکرد. ({reason})</source>
        <translation>The certificate revocation list is not signed by the governorate&apos;s certificate authority, or is damaged; nothing was changed. ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/report/letterhead.py" line="68"/>
        <source>نام سربرگ خالی است.</source>
        <translation>The letterhead name is empty.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/report/letterhead.py" line="86"/>
        <source>تصویر آرم بزرگ‌تر از ۲ مگابایت است: {path}</source>
        <translation>The logo image is larger than 2 MB: {path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/report/letterhead.py" line="96"/>
        <source>تصویر آرم خوانده نشد: {path}</source>
        <translation>The logo image could not be read: {path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="57"/>
        <source>فقط رقم نوشته می‌شود</source>
        <translation>Only digits can be typed here</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="59"/>
        <source>چیزی نوشته نشده است</source>
        <translation>Nothing is typed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="83"/>
        <source>کد ملی ده رقم دارد؛ {typed} رقم نوشته شده است</source>
        <translation>A national code has ten digits; {typed} typed so far</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="84"/>
        <source>کد ملی ده رقم دارد، نه {typed} رقم</source>
        <translation>A national code has ten digits, not {typed}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="87"/>
        <source>کد ملی با ده رقم یکسان معتبر نیست</source>
        <translation>A national code of ten identical digits is not valid</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="90"/>
        <source>رقم کنترل کد ملی درست نیست (کد را دوباره بخوانید)</source>
        <translation>The national code&apos;s check digit is wrong (read the code again)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="104"/>
        <source>پیش‌شمارهٔ کشور ایران +۹۸ است</source>
        <translation>Iran&apos;s country code is +98</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="115"/>
        <source>شمارهٔ همراه کامل نیست</source>
        <translation>The mobile number is not complete</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="117"/>
        <source>شمارهٔ همراه با ۰۹ آغاز می‌شود</source>
        <translation>A mobile number starts with 09</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="121"/>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="122"/>
        <source>شمارهٔ همراه یازده رقم دارد (۰۹ و نه رقم دیگر)</source>
        <translation>A mobile number has eleven digits (09 and nine more)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="132"/>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="136"/>
        <source>شمارهٔ تلفن کامل نیست</source>
        <translation>The phone number is not complete</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="134"/>
        <source>این شمارهٔ همراه است، نه تلفن ثابت</source>
        <translation>This is a mobile number, not a landline</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="139"/>
        <source>پیش‌شمارهٔ استان درست نیست؛ شماره را با پیش‌شماره بنویسید (مثلاً ۰۷۷ برای بوشهر)</source>
        <translation>The area code is not right; write the number with its area code (e.g. 077 for Bushehr)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="147"/>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="148"/>
        <source>تلفن ثابت با پیش‌شماره یازده رقم دارد</source>
        <translation>A landline with its area code has eleven digits</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="169"/>
        <source>کد پستی ده رقم دارد؛ {typed} رقم نوشته شده است</source>
        <translation>A postal code has ten digits; {typed} typed so far</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="170"/>
        <source>کد پستی ده رقم دارد، نه {typed} رقم</source>
        <translation>A postal code has ten digits, not {typed}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="185"/>
        <source>تاریخ کامل نیست</source>
        <translation>The date is not complete</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="186"/>
        <source>تاریخ را به شکل ۱۴۰۳/۰۱/۱۵ بنویسید</source>
        <translation>Write the date as 1403/01/15</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="189"/>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="215"/>
        <source>سال تاریخ باید میان ۱۳۰۰ و ۱۴۹۹ باشد</source>
        <translation>The year must be between 1300 and 1499</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="191"/>
        <source>ماه باید از ۱ تا ۱۲ باشد</source>
        <translation>The month must be from 1 to 12</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="197"/>
        <source>سال {year} کبیسه نیست و اسفند آن ۲۹ روز دارد</source>
        <translation>{year} is not a leap year: its Esfand has 29 days</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="201"/>
        <source>این ماه {days} روز دارد</source>
        <translation>This month has {days} days</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="213"/>
        <source>تاریخ ذخیره‌شده باید به شکل YYYY-MM-DD باشد</source>
        <translation>A stored date must be YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="241"/>
        <source>نقطه دو عدد دارد: عرض و طول جغرافیایی</source>
        <translation>A point has two numbers: latitude and longitude</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="243"/>
        <source>عرض و طول را با رقم و ممیز بنویسید</source>
        <translation>Write the latitude and longitude with digits and a decimal point</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="246"/>
        <source>عرض و طول جغرافیایی را با ویرگول جدا کنید</source>
        <translation>Separate the latitude and longitude with a comma</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="251"/>
        <source>عرض جغرافیایی باید میان ۹۰- و ۹۰ باشد</source>
        <translation>The latitude must be between -90 and 90</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/iran_numbers.py" line="253"/>
        <source>طول جغرافیایی باید میان ۱۸۰- و ۱۸۰ باشد</source>
        <translation>The longitude must be between -180 and 180</translation>
    </message>
    <message>
        <location filename="../../inspector_app/figures/spreadsheets.py" line="46"/>
        <source>پاسخ‌های {total} بازرسی بیش از گنجایش یک کاربرگ است؛ فیلترها را تنگ‌تر کنید (تا {most} بازرسی)</source>
        <translation>The answers of {total} inspections are more than one sheet can hold; narrow the filters (up to {most} inspections)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/demo.py" line="92"/>
        <source>نمونه‌ای ساخته نشد: فهرست دفاتر هیچ دفتر فعالی از نوع پیشخوان، پلیس +۱۰ یا کارگزاری ندارد</source>
        <translation>No sample was made: the office registry has no active government counter, Police +10 or brokerage office</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/spreadsheet_export.py" line="203"/>
        <source>پرونده نوشته نشد: {reason}</source>
        <translation>The file was not written: {reason}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/working_calendar.py" line="50"/>
        <source>شمارش روزها «{value}» شناخته نیست (calendar یا working)</source>
        <translation>Day count “{value}” is not known (calendar or working)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/storage/followups.py" line="158"/>
        <source>نتیجهٔ پیگیری «{value}» شناخته نیست</source>
        <translation>Follow-up outcome “{value}” is not known</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/photo_marks.py" line="37"/>
        <source>نشانهٔ روی عکس درست نیست ({reason})</source>
        <translation>A mark on the photo is not right ({reason})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/photo_marks.py" line="42"/>
        <source>بیش از {most} نشانه روی یک عکس نمی‌رود</source>
        <translation>A photo takes at most {most} marks</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/my_visits.py" line="121"/>
        <source>این بازدید در برنامهٔ شما نیست</source>
        <translation>This visit is not in your plan</translation>
    </message>
</context>
<context>
    <name>FinalizeActions</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="29"/>
        <source>نهایی‌سازی و امضا</source>
        <translation>Finalize and sign</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="32"/>
        <source>ذخیرهٔ گزارش امضاشده…</source>
        <translation>Save signed report…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="35"/>
        <source>بازرسی اصلاحی</source>
        <translation>Corrective inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="75"/>
        <source>بازرسی نهایی و امضا شد و دیگر تغییر نمی‌کند.</source>
        <translation>The inspection has been finalized and signed and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="82"/>
        <source>گزارش امضاشده</source>
        <translation>Signed report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="117"/>
        <source>یک بازرسی تازه (پیش‌نویس) برای همین دفتر ساخته می‌شود که جایگزین این بازرسی است؛ این بازرسی دست‌نخورده می‌ماند. ادامه می‌دهید؟</source>
        <translation>A new draft inspection will be created for this office to replace this one; this inspection stays untouched. Continue?</translation>
    </message>
</context>
<context>
    <name>FinalizeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="57"/>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="121"/>
        <source>نهایی‌سازی و امضا</source>
        <translation>Finalize and sign</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="67"/>
        <source>بازرسی {office} — {date}</source>
        <translation>Inspection of {office} — {date}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="84"/>
        <source>ثبت «اکنون» به‌عنوان ساعت پایان بازدید</source>
        <translation>Record “now” as the visit end time</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="88"/>
        <source>امضای بازرس</source>
        <translation>Inspector&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="90"/>
        <source>امضای نمایندهٔ دفتر</source>
        <translation>Office representative&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="99"/>
        <source>پس از نهایی‌سازی، این بازرسی قفل می‌شود: پاسخ‌ها، عکس‌ها، مصاحبه‌ها و امضاها دیگر تغییر نمی‌کنند. اصلاح بعدی فقط با «بازرسی اصلاحی» ممکن است.</source>
        <translation>After finalizing, this inspection is locked: answers, photos, interviews and signatures can no longer change. Later changes are only possible through a “Corrective inspection”.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="112"/>
        <source>گذرواژهٔ کلید امضا</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="125"/>
        <source>ذخیرهٔ امضاها و بستن</source>
        <translation>Save signatures and close</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="128"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="173"/>
        <source>امضاکننده: {holder} — گواهی معتبر تا {until}</source>
        <translation>Signer: {holder} — certificate valid until {until}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="193"/>
        <source>برای رفتن به این پرسش کلیک کنید</source>
        <translation>Click to go to this question</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="200"/>
        <source>همه‌چیز آماده است.</source>
        <translation>Everything is ready.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="202"/>
        <source>پیش از نهایی‌سازی این موارد را کامل کنید:</source>
        <translation>Complete these items before finalizing:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="251"/>
        <source>هنوز موارد ناقص هست؛ فهرست بالا را ببینید.</source>
        <translation>Some items are still incomplete; see the list above.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="273"/>
        <source>شناسهٔ امضا هنوز آماده نیست: {problem}</source>
        <translation>The signing identity is not ready yet: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="279"/>
        <source>گذرواژهٔ کلید امضا را وارد کنید.</source>
        <translation>Enter the signing key passphrase.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="258"/>
        <source>پس از نهایی‌سازی این بازرسی قفل می‌شود و دیگر قابل ویرایش نیست. گزارش PDF با امضای دیجیتال شما ساخته و نگهداری می‌شود. ادامه می‌دهید؟</source>
        <translation>After finalizing, this inspection is locked and can no longer be edited. A PDF report bearing your digital signature will be created and kept. Continue?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="167"/>
        <source>هنوز شناسهٔ امضا ندارید: گواهی استانداری را وارد کنید یا یک گواهی خودامضا بسازید. گذرواژهٔ تازه را دو بار بنویسید؛ همین گذرواژه از این پس برای هر امضا پرسیده می‌شود.</source>
        <translation>You have no signing identity yet: import the governorate&apos;s certificate or make a self-signed one. Type the new passphrase twice; it will be asked for every signature from now on.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="262"/>
        <source>نهایی‌سازی و قفل</source>
        <translation>Finalize and lock</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="316"/>
        <source>در حال ساخت گزارش و امضای آن…</source>
        <translation>Creating and signing the report…</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="52"/>
        <source>اقدام اصلاحی که دفتر باید انجام دهد</source>
        <translation>Corrective action the office must take</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="54"/>
        <source>مهلت</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="58"/>
        <source>حذف یافته</source>
        <translation>Remove finding</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="60"/>
        <source>شرح یافته خالی است؛ تا نوشته نشود ذخیره نمی‌شود.</source>
        <translation>The finding has no description; it is not saved until one is written.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="68"/>
        <source>شرح یافته</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="70"/>
        <source>اقدام اصلاحی</source>
        <translation>Corrective action</translation>
    </message>
</context>
<context>
    <name>FindingLinks</name>
    <message>
        <location filename="../../inspector_app/ui/editor/finding_links.py" line="163"/>
        <source>این یافته حذف شود؟</source>
        <translation>Remove this finding?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/finding_links.py" line="165"/>
        <source>حذف شود</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="143"/>
        <source>یافته‌ها و اقدام‌های اصلاحی</source>
        <translation>Findings and corrective actions</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="145"/>
        <source>افزودن از موارد ناقص</source>
        <translation>Add from failed items</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="148"/>
        <source>افزودن یافته</source>
        <translation>Add finding</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="63"/>
        <source>راه‌اندازی بازرس</source>
        <translation>Setting up Bazres</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="72"/>
        <source>به بازرس خوش آمدید. نام و شمارهٔ پرسنلی شما در هر بازرسی تازه و در گزارش آن می‌آید. شناسهٔ امضا (کلید و گواهی) برای امضای گزارش‌هاست: گواهی استانداری را وارد کنید یا یک گواهی خودامضا بسازید؛ می‌توانید آن را بعداً هم بسازید.</source>
        <translation>Welcome to Bazres. Your name and personnel number go into every new inspection and its report. The signing identity (key and certificate) signs the reports: import the governorate&apos;s certificate or make a self-signed one; you can also do this later.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="82"/>
        <source>مثلاً مریم احمدی</source>
        <translation>e.g. Maryam Ahmadi</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="88"/>
        <source>مشخصات بازرس</source>
        <translation>Inspector profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="91"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="94"/>
        <source>شمارهٔ پرسنلی</source>
        <translation>Personnel number</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="98"/>
        <source>شناسهٔ امضا</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="114"/>
        <source>بعداً</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="118"/>
        <source>مشخصات ذخیره می‌شود؛ شناسهٔ امضا هنگام نخستین نهایی‌سازی پرسیده می‌شود (یا در تنظیمات).</source>
        <translation>The profile is saved; the signing identity is asked for at the first finalization (or in Settings).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="123"/>
        <source>خروج از برنامه</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="167"/>
        <source>نام و نام خانوادگی را بنویسید.</source>
        <translation>Enter your full name.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="170"/>
        <source>نام با حرف آغاز و پایان شود (نه رقم یا نشانه) و حروف فارسی و لاتین را با هم نیامیزد؛ همین نام در گواهی امضا می‌آید.</source>
        <translation>The name must begin and end with a letter (not a digit or symbol) and not mix Persian and Latin letters; this name goes into the signing certificate.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="178"/>
        <source>شمارهٔ پرسنلی را بنویسید.</source>
        <translation>Enter your personnel number.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="181"/>
        <source>شمارهٔ پرسنلی فقط رقم دارد (رقم فارسی یا لاتین، حداکثر {count} رقم).</source>
        <translation>The personnel number has digits only (Persian or Latin, at most {count} digits).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="199"/>
        <source>ذخیره و ورود گواهی</source>
        <translation>Save and import certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="199"/>
        <source>ذخیره و ساخت شناسهٔ امضا</source>
        <translation>Save and create signing identity</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="209"/>
        <source>ذخیرهٔ مشخصات</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="211"/>
        <source>پیش از ادامه: {problem}</source>
        <translation>Before continuing: {problem}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="214"/>
        <source>برای ساخت شناسهٔ امضا: {problem} (یا «بعداً» را بزنید؛ هنگام نخستین نهایی‌سازی پرسیده می‌شود.)</source>
        <translation>To create the signing identity: {problem} (or choose “later”; you will be asked at the first finalization.)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="218"/>
        <source>همه‌چیز آماده است.</source>
        <translation>Everything is ready.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/first_run.py" line="261"/>
        <source>در حال ساخت کلید امضا…</source>
        <translation>Creating the signing key…</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../inspector_app/ui/editor/followup.py" line="29"/>
        <source>پیگیری این مورد</source>
        <translation>Follow-up of this item</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/followup.py" line="35"/>
        <source>ثبت یافته برای این مورد</source>
        <translation>Record a finding for this item</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/followup.py" line="61"/>
        <source>پاسخ این مورد دیگر «خیر» نیست؛ آنچه برای پیگیری آن نوشته‌اید نگه داشته شد. اگر لازم نیست، «حذف یافته» را بزنید.</source>
        <translation>This item&apos;s answer is no longer “No”; what you wrote for its follow-up was kept. If it is not needed, click “Remove finding”.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/followup.py" line="65"/>
        <source>پاسخ این مورد دیگر «خیر» نیست؛ عکس‌های آن نگه داشته شد.</source>
        <translation>This item&apos;s answer is no longer “No”; its photos were kept.</translation>
    </message>
</context>
<context>
    <name>HeaderPanel</name>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="89"/>
        <source>ثبت زمان خروج</source>
        <translation>Departure time</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="96"/>
        <source>نام نمایندهٔ دفتر</source>
        <translation>Office representative&apos;s name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="99"/>
        <source>سمت (مثلاً مدیر دفتر)</source>
        <translation>Role (e.g. office manager)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="103"/>
        <source>تاریخ بازدید</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="104"/>
        <source>ساعت ورود</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="106"/>
        <source>بازرس</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="107"/>
        <source>نمایندهٔ دفتر</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="108"/>
        <source>سمت نماینده</source>
        <translation>Representative&apos;s role</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="43"/>
        <source>ورود گواهی استانداری</source>
        <translation>Import governorate certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="43"/>
        <source>گواهی خودامضای آزمایشی</source>
        <translation>Self-signed test certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="55"/>
        <source>ساخت کلید امضا</source>
        <translation>Create signing key</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="87"/>
        <source>در حال ساخت کلید امضا…</source>
        <translation>Creating the signing key…</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="72"/>
        <source>ساخت گواهی تازه (خودامضا)</source>
        <translation>Create a new certificate (self-signed)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="75"/>
        <source>ورود گواهی استانداری ({format})</source>
        <translation>Import governorate certificate ({format})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="92"/>
        <source>پروندهٔ .p12 یا .pfx که استانداری داده است</source>
        <translation>The .p12 or .pfx file the governorate gave you</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="93"/>
        <source>انتخاب پرونده…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="97"/>
        <source>رمزی که همراه پرونده داده شده</source>
        <translation>The password that came with the file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="105"/>
        <location filename="../../inspector_app/ui/identity_form.py" line="260"/>
        <source>پروندهٔ PKCS#12</source>
        <translation>PKCS#12 file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="106"/>
        <source>رمز پرونده</source>
        <translation>File password</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="110"/>
        <source>گذرواژهٔ تازهٔ کلید امضا دست‌کم {count} نویسه باشد؛ آن را دو بار بنویسید. هر بار امضا همین گذرواژه پرسیده می‌شود و اگر فراموش شود بازیابی نمی‌شود.</source>
        <translation>The new passphrase of the signing key needs at least {count} characters; type it twice. It is asked for at every signature and cannot be recovered if forgotten.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="116"/>
        <location filename="../../inspector_app/ui/identity_form.py" line="125"/>
        <source>گذرواژهٔ تازه</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="118"/>
        <source>تکرار همان گذرواژه</source>
        <translation>The same passphrase again</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="127"/>
        <source>تکرار گذرواژه</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="157"/>
        <source>پروندهٔ PKCS#12 را برگزینید.</source>
        <translation>Choose the PKCS#12 file.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="159"/>
        <source>این پرونده پیدا نشد.</source>
        <translation>This file was not found.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="167"/>
        <source>نام بازرس خالی است؛ آن را در تنظیمات وارد کنید.</source>
        <translation>The inspector&apos;s name is empty; enter it in Settings.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="170"/>
        <source>نام بازرس («{name}») در گواهی به کار نمی‌رود: با حرف آغاز و پایان شود و حروف فارسی و لاتین را با هم نیامیزد. آن را در تنظیمات درست کنید.</source>
        <translation>The inspector&apos;s name (“{name}”) cannot be used in a certificate: it must begin and end with a letter and not mix Persian and Latin letters. Correct it in Settings.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="178"/>
        <source>گذرواژهٔ تازه را بنویسید.</source>
        <translation>Enter the new passphrase.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="180"/>
        <source>گذرواژه کوتاه است: {count} نویسه از دست‌کم {minimum}.</source>
        <translation>The passphrase is short: {count} of at least {minimum} characters.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="189"/>
        <source>گذرواژه را یک بار دیگر بنویسید.</source>
        <translation>Type the passphrase once more.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="191"/>
        <source>دو گذرواژه یکی نیستند.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="200"/>
        <source>رمز پروندهٔ PKCS#12 را بنویسید.</source>
        <translation>Enter the PKCS#12 file&apos;s password.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="245"/>
        <source>طول گذرواژه کافی است.</source>
        <translation>The passphrase is long enough.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="251"/>
        <source>دو گذرواژه یکی‌اند.</source>
        <translation>The two passphrases match.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/identity_form.py" line="262"/>
        <source>PKCS#12 (*.p12 *.pfx);;همهٔ پرونده‌ها (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>InspectionEditor</name>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="77"/>
        <source>بازگشت</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="136"/>
        <source>یافته‌ها</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="393"/>
        <source>این بازرسی {status} است و فقط خواندنی است.</source>
        <translation>This inspection is {status} and read-only.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="322"/>
        <source>{n} مصاحبه</source>
        <translation>{n} interviews</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="328"/>
        <source>✔ ذخیره شد</source>
        <translation>✔ Saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="329"/>
        <source>… در حال ذخیره</source>
        <translation>… Saving</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="330"/>
        <source>✖ ذخیره نشد</source>
        <translation>✖ Not saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor_photos.py" line="98"/>
        <source>در حال آماده‌سازی عکس‌ها…</source>
        <translation>Preparing photos…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor_photos.py" line="119"/>
        <source>{n} پرونده افزوده نشد:</source>
        <translation>{n} files were not added:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor_photos.py" line="166"/>
        <source>این عکس حذف شود؟</source>
        <translation>Remove this photo?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="386"/>
        <location filename="../../inspector_app/ui/editor/editor_photos.py" line="168"/>
        <source>حذف شود</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="384"/>
        <source>مصاحبهٔ {n} با همهٔ پاسخ‌هایش حذف شود؟</source>
        <translation>Remove interview {n} with all its answers?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/shortcuts.py" line="41"/>
        <source>میان‌برها: بله {yes} · خیر {no} · مورد ندارد {na} · مورد بعد {next_item} · مورد قبل {previous_item} · بخش بعد {next_section} · بخش قبل {previous_section}</source>
        <translation>Shortcuts: Yes {yes} · No {no} · Not applicable {na} · Next item {next_item} · Previous item {previous_item} · Next section {next_section} · Previous section {previous_section}</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="51"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="56"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="61"/>
        <source>همهٔ انواع</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="64"/>
        <source>از تاریخ</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="68"/>
        <source>تا تاریخ</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="97"/>
        <location filename="../../inspector_app/ui/inspections_page.py" line="190"/>
        <source>ادامه / باز کردن</source>
        <translation>Continue / open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="100"/>
        <source>حذف پیش‌نویس</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="105"/>
        <source>یک سطر برای هر بازرسی</source>
        <translation>One row per inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="107"/>
        <source>یک سطر برای هر پاسخ</source>
        <translation>One row per answer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="108"/>
        <source>یک سطر برای هر یافته</source>
        <translation>One row per finding</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="111"/>
        <source>صفحه‌گسترده…</source>
        <translation>Spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="113"/>
        <source>بازرسی‌های این فهرست در پرونده‌ای XLSX یا CSV</source>
        <translation>The inspections of this list in an XLSX or CSV file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="164"/>
        <source>در حال خواندن همهٔ بازرسی‌ها…</source>
        <translation>Reading all inspections…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="183"/>
        <source>{n} بازرسی</source>
        <translation>{n} inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="192"/>
        <source>ادامهٔ پیش‌نویس</source>
        <translation>Continue draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="194"/>
        <source>باز کردن (فقط خواندنی)</source>
        <translation>Open (read-only)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="219"/>
        <source>{n} بازرسی در {path}</source>
        <translation>{n} inspections in {path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="235"/>
        <source>پیش‌نویس بازرسی «{office}» در تاریخ {date} با همهٔ پاسخ‌ها و عکس‌هایش حذف شود؟ این کار برگشت‌پذیر نیست.</source>
        <translation>Delete the draft inspection of “{office}” on {date} with all its answers and photos? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="238"/>
        <source>حذف شود</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>Integrity</name>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="13"/>
        <source>یکی از قفل‌های پایگاه داده که بازرسی‌های نهایی‌شده را از تغییر حفظ می‌کند حذف شده است.</source>
        <translation>A database lock that protects finalized inspections from change has been removed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="17"/>
        <source>یکی از قفل‌های پایگاه داده که بازرسی‌های نهایی‌شده را از تغییر حفظ می‌کند تغییر کرده است.</source>
        <translation>A database lock that protects finalized inspections from change has been altered.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="21"/>
        <source>نسخهٔ فرم این بازرسی در پایگاه داده نیست.</source>
        <translation>This inspection&apos;s form version is not in the database.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="24"/>
        <source>نسخهٔ فرم این بازرسی تغییر کرده است.</source>
        <translation>This inspection&apos;s form version has been changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="25"/>
        <source>دفتر این بازرسی در فهرست دفترها نیست.</source>
        <translation>This inspection&apos;s office is not in the office list.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="26"/>
        <source>این بازرسی در صف ارسال نیست و به استانداری فرستاده نمی‌شود.</source>
        <translation>This inspection is not in the send queue and will not be sent to the governorate.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="29"/>
        <source>ارسال این بازرسی بسته شده، اما هرگز همگام‌سازی نشده است.</source>
        <translation>This inspection&apos;s sending was closed, but it was never synced.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="32"/>
        <source>سند امضاشدهٔ این بازرسی در پایگاه داده نیست.</source>
        <translation>This inspection&apos;s signed document is not in the database.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="35"/>
        <source>سند ذخیره‌شدهٔ این بازرسی خوانا نیست.</source>
        <translation>This inspection&apos;s stored document cannot be read.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="36"/>
        <source>سند ذخیره‌شدهٔ این بازرسی با چکیدهٔ خودش نمی‌خواند.</source>
        <translation>This inspection&apos;s stored document does not match its own hash.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="39"/>
        <source>چکیدهٔ ثبت‌شده برای این بازرسی با چکیدهٔ سند آن نمی‌خواند.</source>
        <translation>The hash recorded for this inspection does not match its document&apos;s hash.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="42"/>
        <source>مشخصات این بازرسی با سند امضاشدهٔ آن فرق دارد.</source>
        <translation>This inspection&apos;s details differ from its signed document.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="45"/>
        <source>سند این بازرسی از داده‌های آن دوباره ساخته نمی‌شود.</source>
        <translation>This inspection&apos;s document cannot be rebuilt from its data.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="48"/>
        <source>داده‌های این بازرسی دیگر همان سند امضاشده را نمی‌سازند.</source>
        <translation>This inspection&apos;s data no longer make the signed document.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="51"/>
        <source>موارد ناموفق ثبت‌شده برای این بازرسی با پاسخ‌هایش نمی‌خواند.</source>
        <translation>The failed items recorded for this inspection do not match its answers.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="54"/>
        <source>این بازرسی نهایی شده بود، اما دیگر در پایگاه داده نیست.</source>
        <translation>This inspection was finalized but is no longer in the database.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="57"/>
        <source>این بازرسی نهایی شده بود، اما اکنون پیش‌نویس است.</source>
        <translation>This inspection was finalized but is now a draft.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="60"/>
        <source>رویداد نهایی‌سازی این بازرسی در دفتر رویدادها نیست.</source>
        <translation>This inspection&apos;s finalize entry is not in the audit log.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="63"/>
        <source>رویداد نهایی‌سازی این بازرسی در دفتر رویدادها چکیدهٔ دیگری دارد.</source>
        <translation>This inspection&apos;s finalize entry in the audit log has another hash.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="66"/>
        <source>رویداد نهایی‌سازی این بازرسی در دفتر رویدادها گزارش دیگری را ثبت کرده است.</source>
        <translation>This inspection&apos;s finalize entry in the audit log recorded another report.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="69"/>
        <source>رویداد همگام‌سازی این بازرسی در دفتر رویدادها نیست.</source>
        <translation>This inspection&apos;s sync entry is not in the audit log.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="72"/>
        <source>رویدادهایی از انتهای دفتر رویدادها بریده شده‌اند.</source>
        <translation>Entries have been cut off the end of the audit log.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="73"/>
        <source>همهٔ رویدادهای دفتر رویدادها حذف شده‌اند.</source>
        <translation>All entries of the audit log have been deleted.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="74"/>
        <source>دفتر رویدادها بازنویسی شده است.</source>
        <translation>The audit log has been rewritten.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="75"/>
        <source>رویدادی از میان دفتر رویدادها حذف شده است.</source>
        <translation>An entry has been deleted from the middle of the audit log.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="76"/>
        <source>گزارش امضاشدهٔ این بازرسی پس از امضا تغییر کرده است.</source>
        <translation>This inspection&apos;s signed report was changed after signing.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="79"/>
        <source>گزارش امضاشدهٔ این بازرسی گزارش بازرسی دیگری است.</source>
        <translation>This inspection&apos;s signed report is the report of another inspection.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/services/integrity_kinds.py" line="80"/>
        <source>گزارش امضاشدهٔ این بازرسی چکیدهٔ سند دیگری را در خود دارد.</source>
        <translation>This inspection&apos;s signed report carries another document&apos;s hash.</translation>
    </message>
</context>
<context>
    <name>InterviewsPanel</name>
    <message>
        <location filename="../../inspector_app/ui/editor/interviews.py" line="37"/>
        <source>افزودن مصاحبه</source>
        <translation>Add interview</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/interviews.py" line="58"/>
        <source>مصاحبهٔ {n}</source>
        <translation>Interview {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/interviews.py" line="64"/>
        <source>حذف این مصاحبه</source>
        <translation>Remove this interview</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/interviews.py" line="85"/>
        <source>{n} مصاحبه (دست‌کم {m})</source>
        <translation>{n} interviews (at least {m})</translation>
    </message>
</context>
<context>
    <name>ItemWidget</name>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="38"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="39"/>
        <source>خیر</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="40"/>
        <source>مورد ندارد</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="99"/>
        <source>یادداشت این مورد (اختیاری)</source>
        <translation>Note on this item (optional)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="134"/>
        <source>پاسخ</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="143"/>
        <source>— انتخاب کنید —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="189"/>
        <source>پاک کردن پاسخ</source>
        <translation>Clear answer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="191"/>
        <source>پاسخ این مورد برداشته شود (بی‌پاسخ)</source>
        <translation>Remove this item&apos;s answer (unanswered)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="16"/>
        <source>پیشخوان خدمات دولت</source>
        <translation>Government counter office</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="17"/>
        <source>پلیس ‎+۱۰</source>
        <translation>Police +10</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="18"/>
        <source>کارگزاری خدمات بیمه‌ای</source>
        <translation>Insurance service brokerage</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="34"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="35"/>
        <source>در انتظار مجوز</source>
        <translation>Licence pending</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="36"/>
        <source>تعطیل</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="40"/>
        <source>پیش‌نویس</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="41"/>
        <source>نهایی</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="42"/>
        <source>ارسال‌شده</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="58"/>
        <source>عالی</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="59"/>
        <source>خوب</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="60"/>
        <source>متوسط</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="61"/>
        <source>ضعیف</source>
        <translation>Poor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="80"/>
        <source>بازرسی دفاتر خدمات استان بوشهر</source>
        <translation>Inspections of service offices, Bushehr province</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="127"/>
        <source>در حال باز کردن پایگاه داده…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="95"/>
        <source>مربوط به: {where}</source>
        <translation>Concerns: {where}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="102"/>
        <source>انجام نشد</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="126"/>
        <source>خطای پیش‌بینی‌نشده</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="127"/>
        <source>کار انجام نشد، اما داده‌های ذخیره‌شده سالم است. دوباره تلاش کنید؛ اگر تکرار شد، پروندهٔ گزارش برنامه را برای پشتیبانی بفرستید.</source>
        <translation>That did not work, but your saved data is intact. Try again; if it happens again, send the app&apos;s log file to support.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="141"/>
        <source>توجه</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="151"/>
        <source>انجام شد</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="172"/>
        <source>تأیید</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="179"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="182"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../inspector_app/ui/editor/number_field.py" line="97"/>
        <source>از {low} تا {high}</source>
        <translation>From {low} to {high}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/number_field.py" line="99"/>
        <source>دست‌کم {low}</source>
        <translation>At least {low}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/number_field.py" line="101"/>
        <source>حداکثر {high}</source>
        <translation>At most {high}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/number_field.py" line="110"/>
        <source>کمتر از {low}{unit} پذیرفته نیست؛ ذخیره نشد.</source>
        <translation>Less than {low}{unit} is not accepted; not saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/number_field.py" line="114"/>
        <source>بیشتر از {high}{unit} پذیرفته نیست؛ ذخیره نشد.</source>
        <translation>More than {high}{unit} is not accepted; not saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/number_field.py" line="126"/>
        <source>فقط رقم و ممیز نوشته می‌شود؛ حرف پذیرفته نیست.</source>
        <translation>Only digits and a decimal point can be typed; letters are not accepted.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/number_field.py" line="158"/>
        <source>عدد کامل نیست؛ ذخیره نشد.</source>
        <translation>Not a whole number; not saved.</translation>
    </message>
</context>
<context>
    <name>OfficeDetail</name>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="40"/>
        <source>کد</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="41"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="42"/>
        <source>شهرستان / شهر</source>
        <translation>County / city</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="43"/>
        <source>نشانی</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="44"/>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="45"/>
        <source>مدیر</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="46"/>
        <source>شمارهٔ پروانه</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="47"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="48"/>
        <source>عرض، طول</source>
        <translation>Latitude, longitude</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="49"/>
        <source>آخرین بازرسی</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="63"/>
        <source>شروع بازرسی</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="67"/>
        <source>باز کردن بازرسی</source>
        <translation>Open inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="76"/>
        <source>سابقهٔ بازرسی‌ها</source>
        <translation>Inspection history</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="83"/>
        <source>دفتری انتخاب نشده است</source>
        <translation>No office selected</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="112"/>
        <source>{lat}، {lon}</source>
        <translation>{lat}, {lon}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/office_detail.py" line="116"/>
        <source>{date}، امتیاز {score}</source>
        <translation>{date}, score {score}</translation>
    </message>
</context>
<context>
    <name>OfficesPage</name>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="140"/>
        <source>جستجو: نام، کد، شهر یا شهرستان</source>
        <translation>Search: name, code, city or county</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="145"/>
        <source>همهٔ انواع</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="148"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="151"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="245"/>
        <source>دفتری با این جستجو یافت نشد</source>
        <translation>No office matches this search</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="247"/>
        <source>دفتری با این صافی‌ها یافت نشد</source>
        <translation>No office matches these filters</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="251"/>
        <source>{shown} از {total} دفتر</source>
        <translation>{shown} of {total} offices</translation>
    </message>
</context>
<context>
    <name>OverviewCharts</name>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="53"/>
        <source>بازرسی</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="54"/>
        <source>میانگین درصد انطباق</source>
        <translation>Average compliance (%)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="55"/>
        <source>بازرسی دارای تخلف حیاتی</source>
        <translation>Inspections with critical violations</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="56"/>
        <source>دفتر بی‌بازرسی در دورهٔ مقرر</source>
        <translation>Offices not inspected within the required period</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="57"/>
        <source>اقدام اصلاحی با مهلت گذشته</source>
        <translation>Corrective actions past their deadline</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="58"/>
        <location filename="../../inspector_app/ui/overview_charts.py" line="87"/>
        <source>دفتر فعال در هر ۱۰۰ هزار نفر</source>
        <translation>Active offices per 100k people</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="59"/>
        <source>مجوز در انتظار</source>
        <translation>Licences pending</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="66"/>
        <source>میانگین انطباق به تفکیک شهرستان</source>
        <translation>Average compliance by county</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="71"/>
        <source>میانگین انطباق به تفکیک نوع دفتر</source>
        <translation>Average compliance by office type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="76"/>
        <source>روند ماهانهٔ انطباق</source>
        <translation>Monthly compliance trend</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="80"/>
        <source>پرسش‌هایی که بیش از همه «خیر» گرفته‌اند (درصد بازرسی‌ها)</source>
        <translation>Questions most often answered “No” (% of inspections)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="83"/>
        <source>رضایت مراجعان به تفکیک شهرستان</source>
        <translation>Client satisfaction by county</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_charts.py" line="120"/>
        <source>در حال محاسبه…</source>
        <translation>Calculating…</translation>
    </message>
</context>
<context>
    <name>OverviewFilterBar</name>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="26"/>
        <source>از تاریخ</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="30"/>
        <source>تا تاریخ</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="39"/>
        <source>همهٔ انواع دفتر</source>
        <translation>All office types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="42"/>
        <source>پیش‌نویس‌ها هم شمرده شوند</source>
        <translation>Include drafts</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="44"/>
        <source>گزارش خلاصهٔ استانی (PDF)…</source>
        <translation>Provincial summary report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="47"/>
        <source>صفحه‌گسترده…</source>
        <translation>Spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="49"/>
        <source>ارقام این نما در پرونده‌ای XLSX یا CSV</source>
        <translation>The figures of this view in an XLSX or CSV file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_filters.py" line="78"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
</context>
<context>
    <name>OverviewLabels</name>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="47"/>
        <source>پیش‌نویس</source>
        <translation>drafts</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="48"/>
        <source>نهایی‌شده</source>
        <translation>finalized</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/vocabulary.py" line="49"/>
        <source>ارسال‌شده</source>
        <translation>synced</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="19"/>
        <source> و </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="23"/>
        <source>بازرسی‌های {statuses}</source>
        <translation>{statuses} inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="29"/>
        <source>از {start} تا {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="35"/>
        <source>از {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="41"/>
        <source>تا {end}</source>
        <translation>until {end}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="47"/>
        <source>شهرستان {county}</source>
        <translation>county {county}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="52"/>
        <source>دفاتر {type}</source>
        <translation>{type} offices</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_labels.py" line="54"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="60"/>
        <source>هرگز</source>
        <translation>Never</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="169"/>
        <source>در حال بارگذاری…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="192"/>
        <source>آمار: {what}. برای شمردن پیش‌نویس‌ها گزینهٔ بالا را بزنید.</source>
        <translation>Statistics: {what}. To count drafts, tick the option above.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="272"/>
        <source>برای گزارش خلاصه، بازهٔ تاریخ (از و تا) را برگزینید.</source>
        <translation>For the summary report, choose a date range (from and to).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="276"/>
        <source>ذخیرهٔ گزارش خلاصه</source>
        <translation>Save summary report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="290"/>
        <source>صفحه‌گسترده ذخیره شد: {path}</source>
        <translation>Spreadsheet saved: {path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="305"/>
        <source>گزارش ذخیره شد: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="307"/>
        <source>ساخت گزارش خلاصه…</source>
        <translation>Creating summary report…</translation>
    </message>
</context>
<context>
    <name>OverviewTables</name>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="145"/>
        <source>منبع جمعیت: {source}</source>
        <translation>Population source: {source}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="148"/>
        <source>دفاتر فعالی که در {n} روز کاری گذشته بازرسی نشده‌اند (دوبار کلیک: بازرسی‌هایشان)</source>
        <translation>Active offices not inspected in the last {n} working days (double-click: their inspections)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_tables.py" line="150"/>
        <source>دفاتر فعالی که در {n} روز گذشته بازرسی نشده‌اند (دوبار کلیک: بازرسی‌هایشان)</source>
        <translation>Active offices not inspected in the last {n} days (double-click: their inspections)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="41"/>
        <source>دفترها</source>
        <translation>Offices</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="46"/>
        <source>بازدیدهای من</source>
        <translation>My visits</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="51"/>
        <source>بازرسی‌ها</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="56"/>
        <source>همگام‌سازی</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="61"/>
        <source>تنظیمات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="66"/>
        <source>نمای کلی استان</source>
        <translation>Province overview</translation>
    </message>
</context>
<context>
    <name>PhotoMarks</name>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="35"/>
        <source>محو کردن</source>
        <translation>Blur</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="36"/>
        <source>دایره</source>
        <translation>Circle</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="37"/>
        <source>پیکان</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="38"/>
        <source>متن</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>PhotoMarksDialog</name>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="115"/>
        <source>نشانه‌گذاری و محو کردن عکس</source>
        <translation>Mark and blur the photo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="134"/>
        <source>متن نشانه، سپس روی عکس بزنید</source>
        <translation>The text, then click on the photo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="138"/>
        <source>برای محو کردن، دایره یا پیکان روی عکس بکشید؛ برای متن، جای آن را بزنید. چهره و مدارک مراجعان را پیش از ذخیره محو کنید.</source>
        <translation>Drag on the photo to blur, circle or point an arrow; for a text, click where it goes. Blur clients&apos; faces and documents before saving.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="144"/>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="147"/>
        <source>ذخیره</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photo_marks_dialog.py" line="151"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="110"/>
        <source>افزودن عکس…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="112"/>
        <source>یا عکس‌ها را روی این بخش بکشید و رها کنید</source>
        <translation>or drag and drop photos here</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="114"/>
        <source>حذف عکس</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="117"/>
        <source>نشانه و محو…</source>
        <translation>Mark and blur…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="120"/>
        <source>پیکان، دایره و متن روی عکس، یا محو کردن چهره‌ها و مدارک</source>
        <translation>Arrows, circles and text on the photo, or blur faces and documents</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="157"/>
        <source>عکس‌ها</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="158"/>
        <source>همهٔ پرونده‌ها</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="160"/>
        <source>انتخاب عکس</source>
        <translation>Choose photos</translation>
    </message>
</context>
<context>
    <name>Photos</name>
    <message>
        <location filename="../../inspector_app/domain/photo_evidence.py" line="25"/>
        <source>بدون زمان ثبت</source>
        <translation>No capture time</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/photo_evidence.py" line="26"/>
        <source>خارج از بازهٔ زمانی بازدید گرفته شده است</source>
        <translation>Taken outside the visit&apos;s time</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/photo_evidence.py" line="27"/>
        <source>دور از نشانی دفتر گرفته شده است</source>
        <translation>Taken far from the office&apos;s address</translation>
    </message>
    <message>
        <location filename="../../inspector_app/domain/photo_evidence.py" line="28"/>
        <source>{n} متر از دفتر</source>
        <translation>{n} m from the office</translation>
    </message>
</context>
<context>
    <name>PreviousFindingCard</name>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="64"/>
        <source>اقدام اصلاحی: {action}</source>
        <translation>Corrective action: {action}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="69"/>
        <source>یافتهٔ بازدید {date}</source>
        <translation>Found on the visit of {date}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="71"/>
        <source>مهلت {date}</source>
        <translation>due {date}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="77"/>
        <source>مهلت گذشته است</source>
        <translation>deadline passed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="95"/>
        <source>آنچه در این بازدید دیده شد (اختیاری)</source>
        <translation>What this visit found (optional)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="98"/>
        <source>عکس شاهد (برای «انجام شد» لازم است)</source>
        <translation>Evidence photo (needed for “Done”)</translation>
    </message>
</context>
<context>
    <name>PreviousFindings</name>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="30"/>
        <source>انجام شد</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="31"/>
        <source>انجام نشد</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="32"/>
        <source>دیگر موضوعیت ندارد</source>
        <translation>No longer applicable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="168"/>
        <source>پیگیری یافته‌های بازدید پیشین ({n})</source>
        <translation>Follow-up of the previous visit&apos;s findings ({n})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/previous_findings.py" line="170"/>
        <source>{n} مهلت گذشته</source>
        <translation>{n} past their deadline</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="47"/>
        <source>پیش‌نمایش گزارش</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="59"/>
        <location filename="../../inspector_app/ui/report_preview.py" line="91"/>
        <source>در حال ساختن گزارش…</source>
        <translation>Creating the report…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="61"/>
        <source>ذخیرهٔ PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="102"/>
        <source>گزارش امضاشده (نهایی)</source>
        <translation>Signed report (final)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="104"/>
        <source>پیش‌نویس گزارش؛ پس از نهایی‌سازی امضا می‌شود</source>
        <translation>Draft report; it will be signed once finalized</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="118"/>
        <source>ذخیرهٔ گزارش</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="129"/>
        <source>ذخیره شد: </source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="149"/>
        <source>پیش‌نمایش و خروجی PDF</source>
        <translation>Preview and export PDF</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="23"/>
        <source>در پشتیبان نیست؛ منتقل می‌شود</source>
        <translation>not in the backup; carried over</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="24"/>
        <source>در پشتیبان پیش‌نویس است؛ منتقل می‌شود</source>
        <translation>a draft in the backup; carried over</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="25"/>
        <source>در پشتیبان ارسال‌نشده است؛ منتقل می‌شود</source>
        <translation>not sent in the backup; carried over</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="26"/>
        <source>پشتیبان نسخهٔ امضاشدهٔ دیگری از آن دارد</source>
        <translation>the backup holds another signed version of it</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="40"/>
        <source>در پشتیبان نیست؛ کل پیش‌نویس از دست می‌رود</source>
        <translation>not in the backup; the whole draft is lost</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="44"/>
        <source>از دست می‌رود: {answers} پاسخ، {photos} عکس، {findings} یافته، {signatures} امضا</source>
        <translation>lost: {answers} answers, {photos} photos, {findings} findings, {signatures} signatures</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="66"/>
        <source>بازیابی از پشتیبان</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="72"/>
        <source>بازیابی این پشتیبان کارهای زیر را تغییر می‌دهد. بازرسی‌های نهایی‌شده با همان شناسه، امضا و وضعیت به پایگاه بازیابی‌شده منتقل می‌شوند؛ پیش‌نویس‌ها همان‌طور که در پشتیبان‌اند بازمی‌گردند. پیش از آن یک نسخه از وضع فعلی کنار پایگاه داده نگه داشته می‌شود.</source>
        <translation>Restoring this backup changes the work below. Finalized inspections are carried over into the restored database with the same id, signature and status; drafts come back as the backup holds them. A copy of the current state is kept beside the database first.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="84"/>
        <source>بازیابی با انتقال بازرسی‌های نهایی‌شده</source>
        <translation>Restore, carrying finalized inspections over</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="86"/>
        <source>بازیابی شود</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="91"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/restore_dialog.py" line="91"/>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ScoreDisplay</name>
    <message>
        <location filename="../../inspector_app/ui/editor/score_display.py" line="42"/>
        <source>امتیاز: {score} ({grade})</source>
        <translation>Score: {score} ({grade})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/score_display.py" line="49"/>
        <source>موارد الزامی باز: {n}</source>
        <translation>Required open: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/score_display.py" line="54"/>
        <source>{done} از {total} مورد الزامی پاسخ داده شده</source>
        <translation>{done} of {total} required items answered</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/score_display.py" line="72"/>
        <source> و {n} مورد حیاتی دیگر</source>
        <translation> and {n} more critical items</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/score_display.py" line="76"/>
        <source>رتبه حداکثر «{cap}» است (با این امتیاز «{grade}» می‌شد)، چون مورد حیاتی {item} رد شده است.</source>
        <translation>The grade is at most “{cap}” (this score would give “{grade}”) because critical item {item} failed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/score_display.py" line="79"/>
        <source>مورد حیاتی {item} رد شده است؛ رتبه از «{cap}» بالاتر نمی‌رود.</source>
        <translation>Critical item {item} failed; the grade cannot be above “{cap}”.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="60"/>
        <source>ذخیرهٔ مشخصات</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="65"/>
        <source>مشخصات بازرس</source>
        <translation>Inspector profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="67"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="68"/>
        <source>شمارهٔ پرسنلی</source>
        <translation>Personnel number</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="82"/>
        <source>زبان</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="84"/>
        <source>زبان برنامه</source>
        <translation>App language</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="91"/>
        <source>پشتیبان‌گیری همین حالا</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="94"/>
        <location filename="../../inspector_app/ui/settings_page.py" line="213"/>
        <source>بازیابی از پشتیبان</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="97"/>
        <source>داده‌ها</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="99"/>
        <source>پوشهٔ داده‌ها</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="123"/>
        <source>همهٔ روزها</source>
        <translation>Every day</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="125"/>
        <source>روزهای کاری (جمعه و تعطیلات رسمی شمرده نمی‌شوند)</source>
        <translation>Working days (Fridays and official holidays not counted)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="135"/>
        <source>مهلت پیشنهادی یافته‌ها {deadline} روز پس از بازدید است و دفتری که {overdue} روز بازرسی نشده عقب‌افتاده شمرده می‌شود. با روزهای کاری، جمعه‌ها و تعطیلات رسمی ایران از این شمار بیرون‌اند.</source>
        <translation>A finding is offered a deadline {deadline} days after the visit, and an office not inspected for {overdue} days counts as overdue. With working days, Fridays and Iran&apos;s official holidays are left out of the count.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="145"/>
        <source>شمار روزها</source>
        <translation>Counting days</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="150"/>
        <source>شمردن روزها</source>
        <translation>Count days</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="163"/>
        <location filename="../../inspector_app/ui/settings_page.py" line="177"/>
        <source>ذخیره شد</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="191"/>
        <source>پروندهٔ پشتیبان</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="191"/>
        <source>پشتیبان بازرس (*.db)</source>
        <translation>Bazres backup (*.db)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="199"/>
        <source>پشتیبان ذخیره شد.</source>
        <translation>Backup saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="207"/>
        <source>در حال پشتیبان‌گیری…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="215"/>
        <source>پشتیبان بازرس (*.db);;همهٔ پرونده‌ها (*)</source>
        <translation>Bazres backup (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="225"/>
        <source>در حال مقایسهٔ پشتیبان با داده‌های فعلی…</source>
        <translation>Comparing the backup with the current data…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="234"/>
        <source>همهٔ داده‌های فعلی با محتوای این پشتیبان جایگزین می‌شود. پیش از آن یک نسخه از وضع فعلی کنار پایگاه داده نگه داشته می‌شود. ادامه می‌دهید؟</source>
        <translation>All current data will be replaced by this backup. A copy of the current state is kept beside the database first. Continue?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="238"/>
        <source>بازیابی شود</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="258"/>
        <source>بازیابی انجام شد.</source>
        <translation>Restore complete.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="268"/>
        <source>در حال بازیابی…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>SignatureBox</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="44"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="47"/>
        <source>پاک کردن</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="49"/>
        <source>واگرد</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="51"/>
        <source>ازنو</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="56"/>
        <source>امضا نمی‌کند</source>
        <translation>Declines to sign</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="60"/>
        <source>دلیل امضا نکردن (در گزارش چاپ می‌شود)</source>
        <translation>Reason for not signing (printed in the report)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="71"/>
        <source>نام:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_pad.py" line="48"/>
        <source>با ماوس، قلم یا انگشت امضا کنید</source>
        <translation>Sign with a mouse, pen or finger</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_pad.py" line="210"/>
        <source>نام امضاکننده</source>
        <translation>Signer&apos;s name</translation>
    </message>
</context>
<context>
    <name>SpreadsheetExport</name>
    <message>
        <location filename="../../inspector_app/ui/spreadsheet_export.py" line="25"/>
        <source>ذخیرهٔ صفحه‌گسترده</source>
        <translation>Save spreadsheet</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/spreadsheet_export.py" line="26"/>
        <source>در حال ساختن صفحه‌گسترده…</source>
        <translation>Making the spreadsheet…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="235"/>
        <source>بازرس</source>
        <translation>Bazres</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="241"/>
        <source>پوشهٔ داده‌ها در دسترس نیست</source>
        <translation>The data folder is not usable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="242"/>
        <source>برنامه نمی‌تواند در پوشهٔ داده‌ها بنویسد (پوشه نیست، فقط‌خواندنی است یا اجازهٔ نوشتن ندارید). پوشهٔ دیگری با --data-dir برگزینید یا دسترسی را درست کنید.</source>
        <translation>The app cannot write to the data folder (it is missing, read-only, or you lack permission). Choose another folder with --data-dir or fix its permissions.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="256"/>
        <source>بازرس هم‌اکنون باز است</source>
        <translation>Bazres is already open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="257"/>
        <source>برنامهٔ بازرس با همین پوشهٔ داده در حال اجراست. لطفاً از همان پنجره استفاده کنید؛ دو نسخهٔ هم‌زمان روی یک پایگاه داده ممکن است کار یکدیگر را از بین ببرند.</source>
        <translation>Bazres is already running with this data folder. Please use that window; two copies at once on one database could undo each other&apos;s work.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="333"/>
        <source>{n} مورد از بازرسی‌های نهایی‌شده با آنچه امضا شده بود نمی‌خواند؛ ممکن است پروندهٔ داده‌ها دستکاری شده باشد. این بازرسی‌ها را تغییر ندهید و به پشتیبانی خبر دهید («inspector-app audit verify» جزئیات را نشان می‌دهد).</source>
        <translation>{n} finalized inspection record(s) no longer match what was signed; the data file may have been tampered with. Do not change these inspections and tell support («inspector-app audit verify» shows the details).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="417"/>
        <source>در حال باز کردن پایگاه داده…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="81"/>
        <source>همان گذرواژه‌ای که با آن امضا می‌کنید</source>
        <translation>The passphrase you sign with</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="84"/>
        <source>اختیاری: اثر انگشت sha256 گواهی سرور</source>
        <translation>Optional: SHA-256 fingerprint of the server certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="86"/>
        <source>پذیرفتن http ساده (ناامن؛ فقط شبکهٔ آزمایشی)</source>
        <translation>Accept plain http (insecure; test networks only)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="91"/>
        <source>هشدار: نشانی سرور http ساده است. آنچه فرستاده و دریافت می‌شود رمزنگاری نمی‌شود و هر کس در شبکه می‌تواند آن را بخواند یا تغییر دهد. نشانی https به کار ببرید.</source>
        <translation>Warning: the server address is plain http. What is sent and received is not encrypted, and anyone on the network can read or change it. Use an https address.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="99"/>
        <source>ثبت‌نام این رایانه</source>
        <translation>Enrol this computer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="105"/>
        <source>سرور استانداری</source>
        <translation>Governorate server</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="107"/>
        <source>نشانی سرور</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="108"/>
        <source>کد یک‌بارمصرف ثبت‌نام</source>
        <translation>One-time enrolment code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="109"/>
        <source>گذرواژهٔ کلید امضا</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="110"/>
        <source>گواهی سرور</source>
        <translation>Server certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="114"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="134"/>
        <source>همگام‌سازی اکنون</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="155"/>
        <source>صف ارسال به استانداری</source>
        <translation>Queue for sending to the governorate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="181"/>
        <source>در انتظار: {w}   رسیده: {d}   ناسازگار: {c}</source>
        <translation>Waiting: {w}   Delivered: {d}   Conflicts: {c}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="189"/>
        <source> (گواهی سرور سنجاق شده)</source>
        <translation> (server certificate pinned)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="191"/>
        <source>این رایانه در {url} ثبت‌نام شده است{pinned}.</source>
        <translation>This computer is enrolled at {url}{pinned}.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="196"/>
        <source>هنوز ثبت‌نام نشده است.</source>
        <translation>Not enrolled yet.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="200"/>
        <source>آخرین همگام‌سازی موفق: {when}</source>
        <translation>Last successful sync: {when}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="206"/>
        <source>سرور: بررسی نشده</source>
        <translation>Server: not checked</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="208"/>
        <source>سرور: در دسترس</source>
        <translation>Server: reachable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="210"/>
        <source>سرور: در دسترس نیست</source>
        <translation>Server: unreachable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="234"/>
        <source>نشانی سرور، کد ثبت‌نام و گذرواژهٔ کلید امضا را وارد کنید.</source>
        <translation>Enter the server address, the enrolment code and the signing key&apos;s passphrase.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="246"/>
        <source>ثبت‌نام انجام شد؛ گواهی امضای شما را استانداری صادر کرد.</source>
        <translation>Enrolment complete; the governorate issued your signing certificate.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="284"/>
        <source>در حال همگام‌سازی…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="311"/>
        <source>فرستاده: {n}</source>
        <translation>Sent: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="312"/>
        <source>از پیش در سرور: {n}</source>
        <translation>Already on the server: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="313"/>
        <source>ناموفق: {n}</source>
        <translation>Failed: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="314"/>
        <source>ناسازگار: {n}</source>
        <translation>Conflicts: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="318"/>
        <source>برنامهٔ بازدید شما: {n} بازدید</source>
        <translation>Your visit plan: {n} visits</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="340"/>
        <source>همگام‌سازی انجام نشد: {m}</source>
        <translation>Sync failed: {m}</translation>
    </message>
</context>
<context>
    <name>SyncStates</name>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="13"/>
        <source>در صف</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="14"/>
        <source>در حال ارسال</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="15"/>
        <source>رسید به سرور</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="16"/>
        <source>ناموفق</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="17"/>
        <source>ناسازگاری (نیاز به بررسی)</source>
        <translation>Conflict (needs review)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="44"/>
        <source>بازگردانده شد: {comment}</source>
        <translation>Returned: {comment}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_queue.py" line="47"/>
        <source>پذیرفته شد</source>
        <translation>Accepted</translation>
    </message>
</context>
<context>
    <name>TypedField</name>
    <message>
        <location filename="../../inspector_app/ui/editor/typed_field.py" line="23"/>
        <source>ده رقم، مثلاً ۰۰۱۳۵۴۲۴۱۹</source>
        <translation>Ten digits, e.g. 0013542419</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/typed_field.py" line="24"/>
        <source>مثلاً ۰۹۱۷۱۲۳۴۵۶۷</source>
        <translation>e.g. 09171234567</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/typed_field.py" line="25"/>
        <source>با پیش‌شماره، مثلاً ۰۷۷۳۳۴۴۱۱۲۲</source>
        <translation>With the area code, e.g. 07733441122</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/typed_field.py" line="26"/>
        <source>ده رقم، مثلاً ۷۵۱۴۷۶۳۴۸۷</source>
        <translation>Ten digits, e.g. 7514763487</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/typed_field.py" line="27"/>
        <source>مثلاً ۱۴۰۳/۰۱/۱۵</source>
        <translation>e.g. 1403/01/15</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/typed_field.py" line="28"/>
        <source>عرض، طول؛ مثلاً ۲۸٫۹۲۳۴، ۵۰٫۸۲۰۳</source>
        <translation>Latitude, longitude; e.g. 28.9234, 50.8203</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/typed_field.py" line="77"/>
        <source>{reason}؛ ذخیره نشد.</source>
        <translation>{reason}; not saved.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="49"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="50"/>
        <source>خیر</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="51"/>
        <source>نامعلوم</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="58"/>
        <source>شناسهٔ بازرسی در گزارش نیست</source>
        <translation>The report names no inspection id</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="61"/>
        <source>این بازرسی در این پایگاه داده نیست</source>
        <translation>This inspection is not in this database</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="66"/>
        <source>در این پایگاه پیش‌نویس است</source>
        <translation>A draft in this database</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="71"/>
        <source>نمی‌خواند</source>
        <translation>Does not match</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="72"/>
        <source>با بازرسی ثبت‌شده می‌خواند</source>
        <translation>Matches the recorded inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="79"/>
        <source>بررسی امضای گزارش</source>
        <translation>Verify report signature</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="82"/>
        <source>انتخاب پروندهٔ PDF…</source>
        <translation>Choose PDF file…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="85"/>
        <source>پرونده‌ای انتخاب نشده است.</source>
        <translation>No file selected.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="94"/>
        <source>پرونده</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="95"/>
        <source>امضاکننده</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="96"/>
        <source>زمان امضا</source>
        <translation>Signing time</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="97"/>
        <source>دست‌نخورده</source>
        <translation>Intact</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="98"/>
        <source>امضا معتبر</source>
        <translation>Valid signature</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="99"/>
        <source>افزوده پس از امضا</source>
        <translation>Added after signing</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="103"/>
        <source>اثر انگشت گواهی</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="104"/>
        <source>شناسهٔ بازرسی</source>
        <translation>Inspection id</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="105"/>
        <source>sha256 سند</source>
        <translation>Document sha256</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="106"/>
        <source>مقایسه با پایگاه داده</source>
        <translation>Compared with the database</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="117"/>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="134"/>
        <source>گزارش امضاشده</source>
        <translation>Signed report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="134"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="166"/>
        <source>{time} (تهران)</source>
        <translation>{time} (Tehran)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="45"/>
        <source>✘ این گزارش پذیرفته نیست.</source>
        <translation>✘ This report is not accepted.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="35"/>
        <source>✔ معتبر؛ صادرشده از استانداری بوشهر.</source>
        <translation>✔ Valid; issued by the Bushehr Governorate.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="36"/>
        <source>امضا با شناسهٔ خود این رایانه (هنوز از استانداری گواهی نگرفته)؛ گزارش دست‌نخورده است، ولی استانداری امضاکننده را تأیید نکرده است.</source>
        <translation>Signed with this computer&apos;s own identity (not yet certified by the governorate); the report is unaltered, but the governorate has not confirmed the signer.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="41"/>
        <source>✘ سالم ولی امضاکننده را استانداری صادر نکرده است.</source>
        <translation>✘ Unaltered, but the governorate did not issue the signer&apos;s certificate.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="44"/>
        <source>✘ گواهی امضاکننده باطل شده است.</source>
        <translation>✘ The signer&apos;s certificate has been revoked.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="100"/>
        <source>صادرشده از استانداری</source>
        <translation>Issued by the governorate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="101"/>
        <source>گواهی باطل‌شده</source>
        <translation>Certificate revoked</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="102"/>
        <source>شناسهٔ خود این رایانه</source>
        <translation>This computer&apos;s own identity</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="176"/>
        <source>نامعلوم (گواهی ریشهٔ استانداری در این رایانه نیست)</source>
        <translation>Unknown (the governorate&apos;s root certificate is not on this computer)</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="36"/>
        <source>باز</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="37"/>
        <source>مهلت گذشته</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="38"/>
        <source>در جریان</source>
        <translation>Under way</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="39"/>
        <source>انجام‌شده</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="40"/>
        <source>لغوشده</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="42"/>
        <source>امروز</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="43"/>
        <source>{n} روز مانده</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="44"/>
        <source>{n} روز گذشته</source>
        <translation>{n} days past</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="131"/>
        <source>استانداری هنوز بازدیدی به شما نسپرده است. برنامه با همگام‌سازی یا بستهٔ به‌روزرسانی می‌رسد.</source>
        <translation>The governorate has not assigned you any visits yet. The plan arrives with a sync or an updates bundle.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="137"/>
        <location filename="../../inspector_app/ui/visits_page.py" line="160"/>
        <source>شروع بازرسی</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="140"/>
        <source>باز کردن بازرسی</source>
        <translation>Open inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="150"/>
        <source>بازدیدهای سپرده به شما</source>
        <translation>Visits assigned to you</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="190"/>
        <source>{open} بازدید باز، {late} با مهلت گذشته</source>
        <translation>{open} open, {late} overdue</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="196"/>
        <source>پیشنهاد: دفترهایی که {n} روز کاری بازرسی نشده‌اند</source>
        <translation>Suggested: offices not inspected for {n} working days</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/visits_page.py" line="198"/>
        <source>پیشنهاد: دفترهایی که {n} روز بازرسی نشده‌اند</source>
        <translation>Suggested: offices not inspected for {n} days</translation>
    </message>
</context>
</TS>
