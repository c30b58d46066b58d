<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa">
<context>
    <name>CertificateBox</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="60"/>
        <source>گواهی امضای دیجیتال</source>
        <translation>Digital signing certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="77"/>
        <source>ذخیرهٔ گواهی عمومی برای استانداری…</source>
        <translation>Save public certificate for the governorate…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="80"/>
        <source>ورود گواهی استانداری (PKCS#12)…</source>
        <translation>Import governorate certificate (PKCS#12)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="83"/>
        <source>ساخت گواهی خودامضای آزمایشی…</source>
        <translation>Create self-signed test certificate…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="86"/>
        <source>بررسی امضای یک گزارش PDF…</source>
        <translation>Verify a PDF report&apos;s signature…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="117"/>
        <source>هنوز گواهی ندارید</source>
        <translation>You have no certificate yet</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="121"/>
        <source> (نمایشی)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="123"/>
        <source> — خودامضا</source>
        <translation> — self-signed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="125"/>
        <source>از {start} تا {end}</source>
        <translation>From {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="129"/>
        <source> — منقضی شده</source>
        <translation> — expired</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="138"/>
        <source>گواهی عمومی</source>
        <translation>Public certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="150"/>
        <source>گواهی عمومی ذخیره شد.</source>
        <translation>Public certificate saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="154"/>
        <source>پروندهٔ PKCS#12</source>
        <translation>PKCS#12 file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="159"/>
        <source>ورود گواهی</source>
        <translation>Import certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="160"/>
        <source>رمز پروندهٔ PKCS#12</source>
        <translation>PKCS#12 file password</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="160"/>
        <source>گذرواژهٔ تازهٔ کلید</source>
        <translation>New key passphrase</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="160"/>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="188"/>
        <source>تکرار</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="188"/>
        <source>گواهی خودامضا</source>
        <translation>Self-signed certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="188"/>
        <source>گذرواژهٔ کلید</source>
        <translation>Key passphrase</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="67"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="94"/>
        <source>دفتر</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="73"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="54"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="96"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="75"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="59"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="95"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="106"/>
        <source>شهرستان</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="77"/>
        <source>تاریخ بازدید</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="79"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="62"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="81"/>
        <source>امتیاز</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="83"/>
        <source>رتبه</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="85"/>
        <source>موارد الزامی باز</source>
        <translation>Required open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="87"/>
        <source>بازرس</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="52"/>
        <source>نام دفتر</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="60"/>
        <source>شهر</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="69"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="98"/>
        <source>آخرین بازرسی</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="76"/>
        <source>آخرین امتیاز</source>
        <translation>Last score</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="93"/>
        <source>کد</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="103"/>
        <source>روز گذشته</source>
        <translation>Days since</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="108"/>
        <source>جمعیت</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="113"/>
        <source>پیشخوان</source>
        <translation>Government counter</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="114"/>
        <source>پلیس ‎+۱۰</source>
        <translation>Police +10</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="115"/>
        <source>کارگزاری</source>
        <translation>Insurance brokerage</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="119"/>
        <source>دفتر در ۱۰۰ هزار نفر</source>
        <translation>Offices per 100k people</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="125"/>
        <source>در انتظار مجوز</source>
        <translation>Licence pending</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="144"/>
        <source>این شهرستان هیچ دفتر فعالی از این نوع ندارد</source>
        <translation>This county has no active office of this type</translation>
    </message>
</context>
<context>
    <name>FinalizeActions</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="30"/>
        <source>نهایی‌سازی و امضا</source>
        <translation>Finalize and sign</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="33"/>
        <source>ذخیرهٔ گزارش امضاشده…</source>
        <translation>Save signed report…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="36"/>
        <source>بازرسی اصلاحی</source>
        <translation>Corrective inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="68"/>
        <source>بازرسی نهایی و امضا شد و دیگر تغییر نمی‌کند.</source>
        <translation>The inspection has been finalized and signed and can no longer be changed.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="75"/>
        <source>گزارش امضاشده</source>
        <translation>Signed report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="108"/>
        <source>یک بازرسی تازه (پیش‌نویس) برای همین دفتر ساخته می‌شود که جایگزین این بازرسی است؛ این بازرسی دست‌نخورده می‌ماند. ادامه می‌دهید؟</source>
        <translation>A new draft inspection will be created for this office to replace this one; this inspection stays untouched. Continue?</translation>
    </message>
</context>
<context>
    <name>FinalizeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="76"/>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="136"/>
        <source>نهایی‌سازی و امضا</source>
        <translation>Finalize and sign</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="85"/>
        <source>بازرسی {office} — {date}</source>
        <translation>Inspection of {office} — {date}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="102"/>
        <source>ثبت «اکنون» به‌عنوان ساعت پایان بازدید</source>
        <translation>Record “now” as the visit end time</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="106"/>
        <source>امضای بازرس</source>
        <translation>Inspector&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="108"/>
        <source>امضای نمایندهٔ دفتر</source>
        <translation>Office representative&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="117"/>
        <source>پس از نهایی‌سازی، این بازرسی قفل می‌شود: پاسخ‌ها، عکس‌ها، مصاحبه‌ها و امضاها دیگر تغییر نمی‌کنند. اصلاح بعدی فقط با «بازرسی اصلاحی» ممکن است.</source>
        <translation>After finalizing, this inspection is locked: answers, photos, interviews and signatures can no longer change. Later changes are only possible through a “Corrective inspection”.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="130"/>
        <source>گذرواژهٔ کلید امضا</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="140"/>
        <source>ذخیرهٔ امضاها و بستن</source>
        <translation>Save signatures and close</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="143"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="182"/>
        <source>هنوز گواهی امضا ندارید: یک گواهی خودامضای آزمایشی با همین گذرواژه ساخته می‌شود (در تنظیمات می‌توانید گواهی استانداری را وارد کنید).</source>
        <translation>You have no signing certificate yet: a self-signed test certificate will be created with this passphrase (you can import the governorate certificate in Settings).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="187"/>
        <source>امضاکننده: {holder} — گواهی معتبر تا {until}</source>
        <translation>Signer: {holder} — certificate valid until {until}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="207"/>
        <source>برای رفتن به این پرسش کلیک کنید</source>
        <translation>Click to go to this question</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="212"/>
        <source>همه‌چیز آماده است.</source>
        <translation>Everything is ready.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="214"/>
        <source>پیش از نهایی‌سازی این موارد را کامل کنید:</source>
        <translation>Complete these items before finalizing:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="265"/>
        <source>هنوز موارد ناقص هست؛ فهرست بالا را ببینید.</source>
        <translation>Some items are still incomplete; see the list above.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="268"/>
        <source>گذرواژهٔ کلید امضا را وارد کنید.</source>
        <translation>Enter the signing key passphrase.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="274"/>
        <source>پس از نهایی‌سازی این بازرسی قفل می‌شود و دیگر قابل ویرایش نیست. گزارش PDF با امضای دیجیتال شما ساخته و نگهداری می‌شود. ادامه می‌دهید؟</source>
        <translation>After finalizing, this inspection is locked and can no longer be edited. A PDF report bearing your digital signature will be created and kept. Continue?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="278"/>
        <source>نهایی‌سازی و قفل</source>
        <translation>Finalize and lock</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="297"/>
        <source>در حال ساخت گزارش و امضای آن…</source>
        <translation>Creating and signing the report…</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="38"/>
        <source>اقدام اصلاحی که دفتر باید انجام دهد</source>
        <translation>Corrective action the office must take</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="41"/>
        <source>مهلت</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="51"/>
        <source>حذف یافته</source>
        <translation>Remove finding</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="54"/>
        <source>شرح یافته</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="55"/>
        <source>اقدام اصلاحی</source>
        <translation>Corrective action</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="100"/>
        <source>یافته‌ها و اقدام‌های اصلاحی</source>
        <translation>Findings and corrective actions</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="102"/>
        <source>افزودن از موارد ناقص</source>
        <translation>Add from failed items</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/findings.py" line="105"/>
        <source>افزودن یافته</source>
        <translation>Add finding</translation>
    </message>
</context>
<context>
    <name>HeaderPanel</name>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="55"/>
        <source>ثبت زمان خروج</source>
        <translation>Departure time</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="69"/>
        <source>نام نمایندهٔ دفتر</source>
        <translation>Office representative&apos;s name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="72"/>
        <source>سمت (مثلاً مدیر دفتر)</source>
        <translation>Role (e.g. office manager)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="76"/>
        <source>تاریخ بازدید</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="77"/>
        <source>ساعت ورود</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="79"/>
        <source>بازرس</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="80"/>
        <source>نمایندهٔ دفتر</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/header.py" line="81"/>
        <source>سمت نماینده</source>
        <translation>Representative&apos;s role</translation>
    </message>
</context>
<context>
    <name>InspectionEditor</name>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="90"/>
        <source>بازگشت</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="146"/>
        <source>یافته‌ها</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="689"/>
        <source>این بازرسی {status} است و فقط خواندنی است.</source>
        <translation>This inspection is {status} and read-only.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="164"/>
        <source>میان‌برها: بله Ctrl+1 · خیر Ctrl+2 · مورد ندارد Ctrl+3 · مورد بعد/قبل Alt+↓/Alt+↑ · بخش بعد/قبل Ctrl+PgDown/Ctrl+PgUp</source>
        <translation>Shortcuts: yes Ctrl+1 · no Ctrl+2 · N/A Ctrl+3 · next/previous item Alt+↓/Alt+↑ · next/previous section Ctrl+PgDown/Ctrl+PgUp</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="371"/>
        <source>امتیاز: {score} ({grade})</source>
        <translation>Score: {score} ({grade})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="378"/>
        <source>موارد الزامی باز: {n}</source>
        <translation>Required open: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="392"/>
        <source>{n} مصاحبه</source>
        <translation>{n} interviews</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="398"/>
        <source>✔ ذخیره شد</source>
        <translation>✔ Saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="399"/>
        <source>… در حال ذخیره</source>
        <translation>… Saving</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="400"/>
        <source>✖ ذخیره نشد</source>
        <translation>✖ Not saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="540"/>
        <source>در حال آماده‌سازی عکس‌ها…</source>
        <translation>Preparing photos…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="563"/>
        <source>{n} پرونده افزوده نشد:</source>
        <translation>{n} files were not added:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="586"/>
        <source>این عکس حذف شود؟</source>
        <translation>Remove this photo?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="586"/>
        <location filename="../../inspector_app/ui/editor/editor.py" line="627"/>
        <location filename="../../inspector_app/ui/editor/editor.py" line="683"/>
        <source>حذف شود</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="625"/>
        <source>مصاحبهٔ {n} با همهٔ پاسخ‌هایش حذف شود؟</source>
        <translation>Remove interview {n} with all its answers?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="683"/>
        <source>این یافته حذف شود؟</source>
        <translation>Remove this finding?</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="178"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="183"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="188"/>
        <source>همهٔ انواع</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="191"/>
        <source>از تاریخ</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="195"/>
        <source>تا تاریخ</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="224"/>
        <location filename="../../inspector_app/ui/inspections_page.py" line="313"/>
        <source>ادامه / باز کردن</source>
        <translation>Continue / open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="227"/>
        <source>حذف پیش‌نویس</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="287"/>
        <source>در حال خواندن همهٔ بازرسی‌ها…</source>
        <translation>Reading all inspections…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="306"/>
        <source>{n} بازرسی</source>
        <translation>{n} inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="315"/>
        <source>ادامهٔ پیش‌نویس</source>
        <translation>Continue draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="317"/>
        <source>باز کردن (فقط خواندنی)</source>
        <translation>Open (read-only)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="331"/>
        <source>پیش‌نویس بازرسی «{office}» در تاریخ {date} با همهٔ پاسخ‌ها و عکس‌هایش حذف شود؟ این کار برگشت‌پذیر نیست.</source>
        <translation>Delete the draft inspection of “{office}” on {date} with all its answers and photos? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="334"/>
        <source>حذف شود</source>
        <translation>Delete</translation>
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
        <location filename="../../inspector_app/ui/editor/items.py" line="42"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="43"/>
        <source>خیر</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="44"/>
        <source>مورد ندارد</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="92"/>
        <source>یادداشت این مورد (اختیاری)</source>
        <translation>Note on this item (optional)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="129"/>
        <source>پاسخ</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/items.py" line="137"/>
        <source>— انتخاب کنید —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="10"/>
        <source>پیشخوان خدمات دولت</source>
        <translation>Government counter office</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="12"/>
        <source>پلیس ‎+۱۰</source>
        <translation>Police +10</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="13"/>
        <source>کارگزاری خدمات بیمه‌ای</source>
        <translation>Insurance service brokerage</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="17"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="18"/>
        <source>در انتظار مجوز</source>
        <translation>Licence pending</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="19"/>
        <source>تعطیل</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="23"/>
        <source>پیش‌نویس</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="24"/>
        <source>نهایی</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="25"/>
        <source>ارسال‌شده</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="29"/>
        <source>عالی</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="30"/>
        <source>خوب</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="31"/>
        <source>متوسط</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/labels.py" line="32"/>
        <source>ضعیف</source>
        <translation>Poor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="73"/>
        <source>بازرس — بازرسی دفاتر خدمات استان بوشهر</source>
        <translation>Bazres — inspections of service offices, Bushehr province</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="116"/>
        <source>در حال باز کردن پایگاه داده…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="36"/>
        <source>مربوط به: {where}</source>
        <translation>Concerns: {where}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="43"/>
        <source>انجام نشد</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="54"/>
        <source>خطای پیش‌بینی‌نشده</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="55"/>
        <source>کار انجام نشد، اما داده‌های ذخیره‌شده سالم است. دوباره تلاش کنید؛ اگر تکرار شد، پروندهٔ گزارش برنامه را برای پشتیبانی بفرستید.</source>
        <translation>That did not work, but your saved data is intact. Try again; if it happens again, send the app&apos;s log file to support.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="67"/>
        <source>توجه</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="77"/>
        <source>انجام شد</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="98"/>
        <source>تأیید</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="105"/>
        <source>بله</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/messages.py" line="108"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OfficeDetail</name>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="143"/>
        <source>کد</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="144"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="145"/>
        <source>شهرستان / شهر</source>
        <translation>County / city</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="146"/>
        <source>نشانی</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="147"/>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="148"/>
        <source>مدیر</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="149"/>
        <source>شمارهٔ پروانه</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="150"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="164"/>
        <source>شروع بازرسی</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="168"/>
        <source>باز کردن بازرسی</source>
        <translation>Open inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="177"/>
        <source>سابقهٔ بازرسی‌ها</source>
        <translation>Inspection history</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="184"/>
        <source>دفتری انتخاب نشده است</source>
        <translation>No office selected</translation>
    </message>
</context>
<context>
    <name>OfficesPage</name>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="240"/>
        <source>جستجو: نام، کد، شهر یا شهرستان</source>
        <translation>Search: name, code, city or county</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="245"/>
        <source>همهٔ انواع</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="248"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="251"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="345"/>
        <source>{shown} از {total} دفتر</source>
        <translation>{shown} of {total} offices</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="255"/>
        <source>از تاریخ</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="259"/>
        <source>تا تاریخ</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="268"/>
        <source>همهٔ انواع دفتر</source>
        <translation>All office types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="271"/>
        <source>پیش‌نویس‌ها هم شمرده شوند</source>
        <translation>Include drafts</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="273"/>
        <source>گزارش خلاصهٔ استانی (PDF)…</source>
        <translation>Provincial summary report (PDF)…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="311"/>
        <source>بازرسی</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="312"/>
        <source>میانگین درصد انطباق</source>
        <translation>Average compliance (%)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="313"/>
        <source>بازرسی دارای تخلف حیاتی</source>
        <translation>Inspections with critical violations</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="314"/>
        <source>دفتر بی‌بازرسی در دورهٔ مقرر</source>
        <translation>Offices not inspected within the required period</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="315"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="349"/>
        <source>دفتر فعال در هر ۱۰۰ هزار نفر</source>
        <translation>Active offices per 100k people</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="316"/>
        <source>مجوز در انتظار</source>
        <translation>Licences pending</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="324"/>
        <source>میانگین انطباق به تفکیک شهرستان</source>
        <translation>Average compliance by county</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="329"/>
        <source>میانگین انطباق به تفکیک نوع دفتر</source>
        <translation>Average compliance by office type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="334"/>
        <source>روند ماهانهٔ انطباق</source>
        <translation>Monthly compliance trend</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="338"/>
        <source>پرسش‌هایی که بیش از همه «خیر» گرفته‌اند (درصد بازرسی‌ها)</source>
        <translation>Questions most often answered “No” (% of inspections)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="345"/>
        <source>رضایت مراجعان به تفکیک شهرستان</source>
        <translation>Client satisfaction by county</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="372"/>
        <source>روی یک ستون نمودار بزنید تا بازرسی‌های آن را ببینید.</source>
        <translation>Click a chart bar to see its inspections.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="380"/>
        <source>نمایش در صفحهٔ بازرسی‌ها</source>
        <translation>Show on the Inspections page</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="433"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="496"/>
        <source>در حال بارگذاری…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="522"/>
        <source>آمار: {what}. برای شمردن پیش‌نویس‌ها گزینهٔ بالا را بزنید.</source>
        <translation>Statistics: {what}. To count drafts, tick the option above.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="542"/>
        <source>منبع جمعیت: {source}</source>
        <translation>Population source: {source}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="545"/>
        <source>دفاتر فعالی که در {n} روز گذشته بازرسی نشده‌اند (دوبار کلیک: بازرسی‌هایشان)</source>
        <translation>Active offices not inspected in the last {n} days (double-click: their inspections)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="559"/>
        <source>در حال محاسبه…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="605"/>
        <source>بازرسی‌های پشت «{title}»</source>
        <translation>Inspections behind “{title}”</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="636"/>
        <source>برای گزارش خلاصه، بازهٔ تاریخ (از و تا) را برگزینید.</source>
        <translation>For the summary report, choose a date range (from and to).</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="640"/>
        <source>ذخیرهٔ گزارش خلاصه</source>
        <translation>Save summary report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="656"/>
        <source>گزارش ذخیره شد: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="658"/>
        <source>ساخت گزارش خلاصه…</source>
        <translation>Creating summary report…</translation>
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
        <source>بازرسی‌ها</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="51"/>
        <source>همگام‌سازی</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="56"/>
        <source>تنظیمات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/pages.py" line="61"/>
        <source>نمای کلی استان</source>
        <translation>Province overview</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="81"/>
        <source>افزودن عکس…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="83"/>
        <source>یا عکس‌ها را روی این بخش بکشید و رها کنید</source>
        <translation>or drag and drop photos here</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="85"/>
        <source>حذف عکس</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="110"/>
        <source>عکس‌ها</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="111"/>
        <source>همهٔ پرونده‌ها</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/photos.py" line="113"/>
        <source>انتخاب عکس</source>
        <translation>Choose photos</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="50"/>
        <source>پیش‌نمایش گزارش</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="62"/>
        <location filename="../../inspector_app/ui/report_preview.py" line="98"/>
        <source>در حال ساختن گزارش…</source>
        <translation>Creating the report…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="64"/>
        <source>ذخیرهٔ PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="108"/>
        <source>گزارش امضاشده (نهایی)</source>
        <translation>Signed report (final)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="110"/>
        <source>پیش‌نویس گزارش؛ پس از نهایی‌سازی امضا می‌شود</source>
        <translation>Draft report; it will be signed once finalized</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="124"/>
        <source>ذخیرهٔ گزارش</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="135"/>
        <source>پرونده نوشته نشد: </source>
        <translation>Could not write the file: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="143"/>
        <source>ذخیره شد: </source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="163"/>
        <source>پیش‌نمایش و خروجی PDF</source>
        <translation>Preview and export PDF</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="57"/>
        <source>ذخیرهٔ مشخصات</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="62"/>
        <source>مشخصات بازرس</source>
        <translation>Inspector profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="64"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="65"/>
        <source>شمارهٔ پرسنلی</source>
        <translation>Personnel number</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="79"/>
        <source>زبان</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="81"/>
        <source>زبان برنامه</source>
        <translation>App language</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="86"/>
        <source>پشتیبان‌گیری همین حالا</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="89"/>
        <location filename="../../inspector_app/ui/settings_page.py" line="153"/>
        <source>بازیابی از پشتیبان</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="92"/>
        <source>داده‌ها</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="94"/>
        <source>پوشهٔ داده‌ها</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="117"/>
        <source>ذخیره شد</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="131"/>
        <source>پروندهٔ پشتیبان</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="131"/>
        <source>پشتیبان بازرس (*.db)</source>
        <translation>Bazres backup (*.db)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="139"/>
        <source>پشتیبان ذخیره شد.</source>
        <translation>Backup saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="147"/>
        <source>در حال پشتیبان‌گیری…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="155"/>
        <source>پشتیبان بازرس (*.db);;همهٔ پرونده‌ها (*)</source>
        <translation>Bazres backup (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="162"/>
        <source>همهٔ داده‌های فعلی با محتوای این پشتیبان جایگزین می‌شود. پیش از آن یک نسخه از وضع فعلی کنار پایگاه داده نگه داشته می‌شود. ادامه می‌دهید؟</source>
        <translation>All current data will be replaced by this backup. A copy of the current state is kept beside the database first. Continue?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="166"/>
        <source>بازیابی شود</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="182"/>
        <source>بازیابی انجام شد.</source>
        <translation>Restore complete.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="185"/>
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
        <location filename="../../inspector_app/ui/finalize/signature_pad.py" line="50"/>
        <source>با ماوس، قلم یا انگشت امضا کنید</source>
        <translation>Sign with a mouse, pen or finger</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_pad.py" line="212"/>
        <source>نام امضاکننده</source>
        <translation>Signer&apos;s name</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="166"/>
        <source>پوشهٔ داده‌ها در دسترس نیست</source>
        <translation>The data folder is not usable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="167"/>
        <source>برنامه نمی‌تواند در پوشهٔ داده‌ها بنویسد (پوشه نیست، فقط‌خواندنی است یا اجازهٔ نوشتن ندارید). پوشهٔ دیگری با --data-dir برگزینید یا دسترسی را درست کنید.</source>
        <translation>The app cannot write to the data folder (it is missing, read-only, or you lack permission). Choose another folder with --data-dir or fix its permissions.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="181"/>
        <source>بازرس هم‌اکنون باز است</source>
        <translation>Bazres is already open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="182"/>
        <source>برنامهٔ بازرس با همین پوشهٔ داده در حال اجراست. لطفاً از همان پنجره استفاده کنید؛ دو نسخهٔ هم‌زمان روی یک پایگاه داده ممکن است کار یکدیگر را از بین ببرند.</source>
        <translation>Bazres is already running with this data folder. Please use that window; two copies at once on one database could undo each other&apos;s work.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="276"/>
        <source>در حال باز کردن پایگاه داده…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="121"/>
        <source>اختیاری: اثر انگشت sha256 گواهی سرور</source>
        <translation>Optional: SHA-256 fingerprint of the server certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="123"/>
        <source>ثبت‌نام این رایانه</source>
        <translation>Enrol this computer</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="129"/>
        <source>سرور استانداری</source>
        <translation>Governorate server</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="131"/>
        <source>نشانی سرور</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="132"/>
        <source>کد یک‌بارمصرف ثبت‌نام</source>
        <translation>One-time enrolment code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="133"/>
        <source>گواهی سرور</source>
        <translation>Server certificate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="135"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="155"/>
        <source>همگام‌سازی اکنون</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="176"/>
        <source>صف ارسال به استانداری</source>
        <translation>Queue for sending to the governorate</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="202"/>
        <source>در انتظار: {w}   رسیده: {d}   ناسازگار: {c}</source>
        <translation>Waiting: {w}   Delivered: {d}   Conflicts: {c}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="210"/>
        <source> (گواهی سرور سنجاق شده)</source>
        <translation> (server certificate pinned)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="212"/>
        <source>این رایانه در {url} ثبت‌نام شده است{pinned}.</source>
        <translation>This computer is enrolled at {url}{pinned}.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="217"/>
        <source>هنوز ثبت‌نام نشده است.</source>
        <translation>Not enrolled yet.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="221"/>
        <source>آخرین همگام‌سازی موفق: {when}</source>
        <translation>Last successful sync: {when}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="227"/>
        <source>سرور: بررسی نشده</source>
        <translation>Server: not checked</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="229"/>
        <source>سرور: در دسترس</source>
        <translation>Server: reachable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="231"/>
        <source>سرور: در دسترس نیست</source>
        <translation>Server: unreachable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="249"/>
        <source>نشانی سرور و کد ثبت‌نام را وارد کنید.</source>
        <translation>Enter the server address and enrolment code.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="258"/>
        <source>ثبت‌نام انجام شد.</source>
        <translation>Enrolment complete.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="292"/>
        <source>در حال همگام‌سازی…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="316"/>
        <source>فرستاده: {n}</source>
        <translation>Sent: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="317"/>
        <source>از پیش در سرور: {n}</source>
        <translation>Already on the server: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="318"/>
        <source>ناموفق: {n}</source>
        <translation>Failed: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="319"/>
        <source>ناسازگار: {n}</source>
        <translation>Conflicts: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="345"/>
        <source>همگام‌سازی انجام نشد: {m}</source>
        <translation>Sync failed: {m}</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="53"/>
        <source>بررسی امضای گزارش</source>
        <translation>Verify report signature</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="57"/>
        <source>انتخاب پروندهٔ PDF…</source>
        <translation>Choose PDF file…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="60"/>
        <source>پرونده‌ای انتخاب نشده است.</source>
        <translation>No file selected.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="88"/>
        <source>بستن</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="103"/>
        <source>گزارش امضاشده</source>
        <translation>Signed report</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="103"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="139"/>
        <source>✔ امضا معتبر است و گزارش دست‌نخورده است.</source>
        <translation>✔ The signature is valid and the report is unaltered.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="142"/>
        <source>✘ این گزارش پذیرفته نیست.</source>
        <translation>✘ This report is not accepted.</translation>
    </message>
</context>
</TS>
