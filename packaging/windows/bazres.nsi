; Bazres installer for Windows (NSIS 3): a per-user install, no administrator rights.
;
;   makensis /DVERSION=0.1.0 packaging\windows\bazres.nsi
;
; It packs the PyInstaller folder dist\bazres (packaging/bazres.spec; /DDIST=FOLDER for
; another) into dist\bazres-setup-VERSION.exe (/DOUTFILE=FILE for another). The program goes
; to %LOCALAPPDATA%\Programs\Bazres, the Start menu gets «بازرس», and the uninstaller is
; registered under HKCU. The uninstaller removes the program only: the data folder,
; %LOCALAPPDATA%\bazres (platformdirs' user data folder, inspector_app/paths.py), is kept.
; This file is UTF-8 with a byte-order mark, which makensis needs to read the Persian text.

Unicode true
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST
  !define DIST "..\..\dist\bazres"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\bazres-setup-${VERSION}.exe"
!endif
!define NAME_FA "بازرس"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Bazres"
!define SETTINGS_KEY "Software\Bazres"
!define ICON "..\..\resources\icons\bazres.ico"

Name "${NAME_FA}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Bazres"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Bazres"
VIAddVersionKey /LANG=0 "FileDescription" "Bazres installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "Bushehr Governorate"
VIAddVersionKey /LANG=0 "LegalCopyright" "Bushehr Governorate"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\bazres.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(DataKept)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Farsi"
!insertmacro MUI_LANGUAGE "English"

LangString DataKept ${LANG_FARSI} "برنامهٔ بازرس حذف می‌شود. پوشهٔ داده‌ها ($LOCALAPPDATA\bazres: پایگاه داده، گزارش‌ها و پشتیبان‌ها) دست نمی‌خورد."
LangString DataKept ${LANG_ENGLISH} "Bazres will be removed. Its data folder ($LOCALAPPDATA\bazres: the database, reports and backups) is kept."

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Bazres"
  SetOutPath "$INSTDIR"
  ; A new version replaces the program's own files; nothing else in the folder is touched.
  RMDir /r "$INSTDIR\_internal"
  File "${DIST}\bazres.exe"
  File "${DIST}\inspector-app.exe"
  File /r "${DIST}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${NAME_FA}.lnk" "$INSTDIR\bazres.exe" "" "$INSTDIR\bazres.exe" 0
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${NAME_FA} (Bazres)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Bushehr Governorate"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\bazres.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; Only what the installer put there, so a data folder chosen as the install folder survives.
  Delete "$SMPROGRAMS\${NAME_FA}.lnk"
  Delete "$INSTDIR\bazres.exe"
  Delete "$INSTDIR\inspector-app.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
