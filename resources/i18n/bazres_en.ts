<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fa">
<context>
    <name>CertificateBox</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="60"/>
        <source>گواهی امضای دیجیتال</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="77"/>
        <source>ذخیرهٔ گواهی عمومی برای استانداری…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="80"/>
        <source>ورود گواهی استانداری (PKCS#12)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="83"/>
        <source>ساخت گواهی خودامضای آزمایشی…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="86"/>
        <source>بررسی امضای یک گزارش PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="117"/>
        <source>هنوز گواهی ندارید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="121"/>
        <source> (نمایشی)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="123"/>
        <source> — خودامضا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="125"/>
        <source>از {start} تا {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="129"/>
        <source> — منقضی شده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="138"/>
        <source>گواهی عمومی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="150"/>
        <source>گواهی عمومی ذخیره شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="154"/>
        <source>پروندهٔ PKCS#12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="159"/>
        <source>ورود گواهی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="160"/>
        <source>رمز پروندهٔ PKCS#12</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="160"/>
        <source>گذرواژهٔ تازهٔ کلید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="160"/>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="188"/>
        <source>تکرار</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="188"/>
        <source>گواهی خودامضا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/certificate_box.py" line="188"/>
        <source>گذرواژهٔ کلید</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="66"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="94"/>
        <source>دفتر</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="68"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="48"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="96"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="70"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="53"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="95"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="106"/>
        <source>شهرستان</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="72"/>
        <source>تاریخ بازدید</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="74"/>
        <location filename="../../inspector_app/ui/offices_page.py" line="56"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="76"/>
        <source>امتیاز</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="78"/>
        <source>رتبه</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="80"/>
        <source>موارد الزامی باز</source>
        <translation>Required open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="82"/>
        <source>بازرس</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="46"/>
        <source>نام دفتر</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="54"/>
        <source>شهر</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="63"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="98"/>
        <source>آخرین بازرسی</source>
        <translation>Last inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="70"/>
        <source>آخرین امتیاز</source>
        <translation>Last score</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="93"/>
        <source>کد</source>
        <translation type="unfinished">Code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="103"/>
        <source>روز گذشته</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="108"/>
        <source>جمعیت</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="113"/>
        <source>پیشخوان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="114"/>
        <source>پلیس ‎+۱۰</source>
        <translation type="unfinished">Police +10</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="115"/>
        <source>کارگزاری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="119"/>
        <source>دفتر در ۱۰۰ هزار نفر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="125"/>
        <source>در انتظار مجوز</source>
        <translation type="unfinished">Licence pending</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="144"/>
        <source>این شهرستان هیچ دفتر فعالی از این نوع ندارد</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinalizeActions</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="30"/>
        <source>نهایی‌سازی و امضا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="33"/>
        <source>ذخیرهٔ گزارش امضاشده…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="36"/>
        <source>بازرسی اصلاحی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="68"/>
        <source>بازرسی نهایی و امضا شد و دیگر تغییر نمی‌کند.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="75"/>
        <source>گزارش امضاشده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/editor_action.py" line="108"/>
        <source>یک بازرسی تازه (پیش‌نویس) برای همین دفتر ساخته می‌شود که جایگزین این بازرسی است؛ این بازرسی دست‌نخورده می‌ماند. ادامه می‌دهید؟</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FinalizeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="76"/>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="136"/>
        <source>نهایی‌سازی و امضا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="85"/>
        <source>بازرسی {office} — {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="102"/>
        <source>ثبت «اکنون» به‌عنوان ساعت پایان بازدید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="106"/>
        <source>امضای بازرس</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="108"/>
        <source>امضای نمایندهٔ دفتر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="117"/>
        <source>پس از نهایی‌سازی، این بازرسی قفل می‌شود: پاسخ‌ها، عکس‌ها، مصاحبه‌ها و امضاها دیگر تغییر نمی‌کنند. اصلاح بعدی فقط با «بازرسی اصلاحی» ممکن است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="130"/>
        <source>گذرواژهٔ کلید امضا</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="140"/>
        <source>ذخیرهٔ امضاها و بستن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="143"/>
        <source>انصراف</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="182"/>
        <source>هنوز گواهی امضا ندارید: یک گواهی خودامضای آزمایشی با همین گذرواژه ساخته می‌شود (در تنظیمات می‌توانید گواهی استانداری را وارد کنید).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="187"/>
        <source>امضاکننده: {holder} — گواهی معتبر تا {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="207"/>
        <source>برای رفتن به این پرسش کلیک کنید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="212"/>
        <source>همه‌چیز آماده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="214"/>
        <source>پیش از نهایی‌سازی این موارد را کامل کنید:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="265"/>
        <source>هنوز موارد ناقص هست؛ فهرست بالا را ببینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="268"/>
        <source>گذرواژهٔ کلید امضا را وارد کنید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="274"/>
        <source>پس از نهایی‌سازی این بازرسی قفل می‌شود و دیگر قابل ویرایش نیست. گزارش PDF با امضای دیجیتال شما ساخته و نگهداری می‌شود. ادامه می‌دهید؟</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="278"/>
        <source>نهایی‌سازی و قفل</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/finalize_dialog.py" line="297"/>
        <source>در حال ساخت گزارش و امضای آن…</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../inspector_app/ui/editor/editor.py" line="89"/>
        <source>بازگشت</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="145"/>
        <source>یافته‌ها</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="684"/>
        <source>این بازرسی {status} است و فقط خواندنی است.</source>
        <translation>This inspection is {status} and read-only.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="163"/>
        <source>میان‌برها: بله Ctrl+1 · خیر Ctrl+2 · مورد ندارد Ctrl+3 · مورد بعد/قبل Alt+↓/Alt+↑ · بخش بعد/قبل Ctrl+PgDown/Ctrl+PgUp</source>
        <translation>Shortcuts: yes Ctrl+1 · no Ctrl+2 · N/A Ctrl+3 · next/previous item Alt+↓/Alt+↑ · next/previous section Ctrl+PgDown/Ctrl+PgUp</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="370"/>
        <source>امتیاز: {score} ({grade})</source>
        <translation>Score: {score} ({grade})</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="377"/>
        <source>موارد الزامی باز: {n}</source>
        <translation>Required open: {n}</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="391"/>
        <source>{n} مصاحبه</source>
        <translation>{n} interviews</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="397"/>
        <source>✔ ذخیره شد</source>
        <translation>✔ Saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="398"/>
        <source>… در حال ذخیره</source>
        <translation>… Saving</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="399"/>
        <source>✖ ذخیره نشد</source>
        <translation>✖ Not saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="535"/>
        <source>در حال آماده‌سازی عکس‌ها…</source>
        <translation>Preparing photos…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="558"/>
        <source>{n} پرونده افزوده نشد:</source>
        <translation>{n} files were not added:</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="581"/>
        <source>این عکس حذف شود؟</source>
        <translation>Remove this photo?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="581"/>
        <location filename="../../inspector_app/ui/editor/editor.py" line="622"/>
        <location filename="../../inspector_app/ui/editor/editor.py" line="678"/>
        <source>حذف شود</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="620"/>
        <source>مصاحبهٔ {n} با همهٔ پاسخ‌هایش حذف شود؟</source>
        <translation>Remove interview {n} with all its answers?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/editor/editor.py" line="678"/>
        <source>این یافته حذف شود؟</source>
        <translation>Remove this finding?</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="173"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="178"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="183"/>
        <source>همهٔ انواع</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="186"/>
        <source>از تاریخ</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="190"/>
        <source>تا تاریخ</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="219"/>
        <location filename="../../inspector_app/ui/inspections_page.py" line="308"/>
        <source>ادامه / باز کردن</source>
        <translation>Continue / open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="222"/>
        <source>حذف پیش‌نویس</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="282"/>
        <source>در حال خواندن همهٔ بازرسی‌ها…</source>
        <translation>Reading all inspections…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="301"/>
        <source>{n} بازرسی</source>
        <translation>{n} inspections</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="310"/>
        <source>ادامهٔ پیش‌نویس</source>
        <translation>Continue draft</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="312"/>
        <source>باز کردن (فقط خواندنی)</source>
        <translation>Open (read-only)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="326"/>
        <source>پیش‌نویس بازرسی «{office}» در تاریخ {date} با همهٔ پاسخ‌ها و عکس‌هایش حذف شود؟ این کار برگشت‌پذیر نیست.</source>
        <translation>Delete the draft inspection of “{office}” on {date} with all its answers and photos? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/inspections_page.py" line="329"/>
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
        <location filename="../../inspector_app/ui/main_window.py" line="72"/>
        <source>بازرس — بازرسی دفاتر خدمات استان بوشهر</source>
        <translation>Bazres — inspections of service offices, Bushehr province</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="115"/>
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
        <location filename="../../inspector_app/ui/offices_page.py" line="137"/>
        <source>کد</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="138"/>
        <source>نوع</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="139"/>
        <source>شهرستان / شهر</source>
        <translation>County / city</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="140"/>
        <source>نشانی</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="141"/>
        <source>تلفن</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="142"/>
        <source>مدیر</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="143"/>
        <source>شمارهٔ پروانه</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="144"/>
        <source>وضعیت</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="158"/>
        <source>شروع بازرسی</source>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="162"/>
        <source>باز کردن بازرسی</source>
        <translation>Open inspection</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="171"/>
        <source>سابقهٔ بازرسی‌ها</source>
        <translation>Inspection history</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="178"/>
        <source>دفتری انتخاب نشده است</source>
        <translation>No office selected</translation>
    </message>
</context>
<context>
    <name>OfficesPage</name>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="234"/>
        <source>جستجو: نام، کد، شهر یا شهرستان</source>
        <translation>Search: name, code, city or county</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="239"/>
        <source>همهٔ انواع</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="242"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="245"/>
        <source>همهٔ وضعیت‌ها</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/offices_page.py" line="339"/>
        <source>{shown} از {total} دفتر</source>
        <translation>{shown} of {total} offices</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="254"/>
        <source>از تاریخ</source>
        <translation type="unfinished">From</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="258"/>
        <source>تا تاریخ</source>
        <translation type="unfinished">To</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="267"/>
        <source>همهٔ انواع دفتر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="270"/>
        <source>پیش‌نویس‌ها هم شمرده شوند</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="272"/>
        <source>گزارش خلاصهٔ استانی (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="310"/>
        <source>بازرسی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="311"/>
        <source>میانگین درصد انطباق</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="312"/>
        <source>بازرسی دارای تخلف حیاتی</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="313"/>
        <source>دفتر بی‌بازرسی در دورهٔ مقرر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="314"/>
        <location filename="../../inspector_app/ui/overview_page.py" line="348"/>
        <source>دفتر فعال در هر ۱۰۰ هزار نفر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="315"/>
        <source>مجوز در انتظار</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="323"/>
        <source>میانگین انطباق به تفکیک شهرستان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="328"/>
        <source>میانگین انطباق به تفکیک نوع دفتر</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="333"/>
        <source>روند ماهانهٔ انطباق</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="337"/>
        <source>پرسش‌هایی که بیش از همه «خیر» گرفته‌اند (درصد بازرسی‌ها)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="344"/>
        <source>رضایت مراجعان به تفکیک شهرستان</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="371"/>
        <source>روی یک ستون نمودار بزنید تا بازرسی‌های آن را ببینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="379"/>
        <source>نمایش در صفحهٔ بازرسی‌ها</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="432"/>
        <source>همهٔ شهرستان‌ها</source>
        <translation type="unfinished">All counties</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="495"/>
        <source>در حال بارگذاری…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="520"/>
        <source>آمار: {what}. برای شمردن پیش‌نویس‌ها گزینهٔ بالا را بزنید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="540"/>
        <source>منبع جمعیت: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="543"/>
        <source>دفاتر فعالی که در {n} روز گذشته بازرسی نشده‌اند (دوبار کلیک: بازرسی‌هایشان)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="556"/>
        <source>در حال محاسبه…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="602"/>
        <source>بازرسی‌های پشت «{title}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="633"/>
        <source>برای گزارش خلاصه، بازهٔ تاریخ (از و تا) را برگزینید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="637"/>
        <source>ذخیرهٔ گزارش خلاصه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="653"/>
        <source>گزارش ذخیره شد: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/overview_page.py" line="655"/>
        <source>ساخت گزارش خلاصه…</source>
        <translation type="unfinished"></translation>
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
        <location filename="../../inspector_app/ui/report_preview.py" line="44"/>
        <source>پیش‌نمایش گزارش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="56"/>
        <location filename="../../inspector_app/ui/report_preview.py" line="92"/>
        <source>در حال ساختن گزارش…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="58"/>
        <source>ذخیرهٔ PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="102"/>
        <source>گزارش امضاشده (نهایی)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="104"/>
        <source>پیش‌نویس گزارش؛ پس از نهایی‌سازی امضا می‌شود</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="118"/>
        <source>ذخیرهٔ گزارش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="127"/>
        <source>پرونده نوشته نشد: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/report_preview.py" line="132"/>
        <source>ذخیره شد: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="58"/>
        <source>ذخیرهٔ مشخصات</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="63"/>
        <source>مشخصات بازرس</source>
        <translation>Inspector profile</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="65"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="66"/>
        <source>شمارهٔ پرسنلی</source>
        <translation>Personnel number</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="80"/>
        <source>زبان</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="82"/>
        <source>زبان برنامه</source>
        <translation>App language</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="87"/>
        <source>پشتیبان‌گیری همین حالا</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="90"/>
        <location filename="../../inspector_app/ui/settings_page.py" line="154"/>
        <source>بازیابی از پشتیبان</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="93"/>
        <source>داده‌ها</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="95"/>
        <source>پوشهٔ داده‌ها</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="118"/>
        <source>ذخیره شد</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="132"/>
        <source>پروندهٔ پشتیبان</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="132"/>
        <source>پشتیبان بازرس (*.db)</source>
        <translation>Bazres backup (*.db)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="140"/>
        <source>پشتیبان ذخیره شد.</source>
        <translation>Backup saved.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="148"/>
        <source>در حال پشتیبان‌گیری…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="156"/>
        <source>پشتیبان بازرس (*.db);;همهٔ پرونده‌ها (*)</source>
        <translation>Bazres backup (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="163"/>
        <source>همهٔ داده‌های فعلی با محتوای این پشتیبان جایگزین می‌شود. پیش از آن یک نسخه از وضع فعلی کنار پایگاه داده نگه داشته می‌شود. ادامه می‌دهید؟</source>
        <translation>All current data will be replaced by this backup. A copy of the current state is kept beside the database first. Continue?</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="167"/>
        <source>بازیابی شود</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="183"/>
        <source>بازیابی انجام شد.</source>
        <translation>Restore complete.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/settings_page.py" line="186"/>
        <source>در حال بازیابی…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>SignatureBox</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="44"/>
        <source>نام و نام خانوادگی</source>
        <translation type="unfinished">Full name</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="47"/>
        <source>پاک کردن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="49"/>
        <source>واگرد</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="51"/>
        <source>ازنو</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="56"/>
        <source>امضا نمی‌کند</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="60"/>
        <source>دلیل امضا نکردن (در گزارش چاپ می‌شود)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_box.py" line="71"/>
        <source>نام:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_pad.py" line="50"/>
        <source>با ماوس، قلم یا انگشت امضا کنید</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/signature_pad.py" line="212"/>
        <source>نام امضاکننده</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="161"/>
        <source>پوشهٔ داده‌ها در دسترس نیست</source>
        <translation>The data folder is not usable</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="162"/>
        <source>برنامه نمی‌تواند در پوشهٔ داده‌ها بنویسد (پوشه نیست، فقط‌خواندنی است یا اجازهٔ نوشتن ندارید). پوشهٔ دیگری با --data-dir برگزینید یا دسترسی را درست کنید.</source>
        <translation>The app cannot write to the data folder (it is missing, read-only, or you lack permission). Choose another folder with --data-dir or fix its permissions.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="176"/>
        <source>بازرس هم‌اکنون باز است</source>
        <translation>Bazres is already open</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="177"/>
        <source>برنامهٔ بازرس با همین پوشهٔ داده در حال اجراست. لطفاً از همان پنجره استفاده کنید؛ دو نسخهٔ هم‌زمان روی یک پایگاه داده ممکن است کار یکدیگر را از بین ببرند.</source>
        <translation>Bazres is already running with this data folder. Please use that window; two copies at once on one database could undo each other&apos;s work.</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/app.py" line="255"/>
        <source>در حال باز کردن پایگاه داده…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="120"/>
        <source>اختیاری: اثر انگشت sha256 گواهی سرور</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="122"/>
        <source>ثبت‌نام این رایانه</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="128"/>
        <source>سرور استانداری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="130"/>
        <source>نشانی سرور</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="131"/>
        <source>کد یک‌بارمصرف ثبت‌نام</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="132"/>
        <source>گواهی سرور</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="134"/>
        <source>وضعیت</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="154"/>
        <source>همگام‌سازی اکنون</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="175"/>
        <source>صف ارسال به استانداری</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="201"/>
        <source>در انتظار: {w}   رسیده: {d}   ناسازگار: {c}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="209"/>
        <source> (گواهی سرور سنجاق شده)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="211"/>
        <source>این رایانه در {url} ثبت‌نام شده است{pinned}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="216"/>
        <source>هنوز ثبت‌نام نشده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="220"/>
        <source>آخرین همگام‌سازی موفق: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="226"/>
        <source>سرور: بررسی نشده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="228"/>
        <source>سرور: در دسترس</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="230"/>
        <source>سرور: در دسترس نیست</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="248"/>
        <source>نشانی سرور و کد ثبت‌نام را وارد کنید.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="255"/>
        <source>ثبت‌نام انجام شد.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="287"/>
        <source>در حال همگام‌سازی…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="309"/>
        <source>فرستاده: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="310"/>
        <source>از پیش در سرور: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="311"/>
        <source>ناموفق: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="312"/>
        <source>ناسازگار: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/sync_page.py" line="336"/>
        <source>همگام‌سازی انجام نشد: {m}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="53"/>
        <source>بررسی امضای گزارش</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="57"/>
        <source>انتخاب پروندهٔ PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="60"/>
        <source>پرونده‌ای انتخاب نشده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="88"/>
        <source>بستن</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="103"/>
        <source>گزارش امضاشده</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="103"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="139"/>
        <source>✔ امضا معتبر است و گزارش دست‌نخورده است.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../inspector_app/ui/finalize/verify_dialog.py" line="142"/>
        <source>✘ این گزارش پذیرفته نیست.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
