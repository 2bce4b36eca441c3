; NexiPOS Desktop installer: a Jinja2 template (pynsist delimiters) rendered by pynsist from installer/nexipos.nsi, then
; installer/build.py replaces the @@...@@ markers with sorted, explicit File/Delete lists (reproducible:
; no `File /r`, whose order would follow the build machine's directory order).
;
; 64-bit installer, per-user (no UAC prompt), Start-menu + desktop shortcuts, uninstaller.
; The shop's data (database, settings, logs, receipts) lives in the platformdirs user data directory
; %LOCALAPPDATA%\NexiPOS\NexiPOS, outside $INSTDIR: upgrades never touch it and the uninstaller keeps it
; unless the user answers Yes to the question (silent uninstall /S always keeps it).

Target amd64-unicode
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32
SetDatablockOptimize on
RequestExecutionLevel user

!define PRODUCT_NAME "[[ib.appname]]"
!define PRODUCT_VERSION "[[ib.version]]"
!define PY_VERSION "[[ib.py_version]]"
!define INSTALLER_NAME "[[ib.installer_name]]"
!define PRODUCT_ICON "[[icon]]"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\NexiPOS"
!define DATA_DIR "$LOCALAPPDATA\NexiPOS"

!include "MUI2.nsh"
!define MUI_ABORTWARNING
!define MUI_ICON "[[icon]]"
!define MUI_UNICON "[[icon]]"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Greek"
!insertmacro MUI_LANGUAGE "English"

Name "${PRODUCT_NAME} ${PRODUCT_VERSION}"
OutFile "${INSTALLER_NAME}"
InstallDir "$LOCALAPPDATA\Programs\NexiPOS"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

Section "!${PRODUCT_NAME}" sec_app
  SetShellVarContext current
  SetRegView 64
  SectionIn RO

  ; Upgrade: drop the previous program files (never the data directory, which is elsewhere).
  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\bin"

  SetOverwrite on
  SetOutPath "$INSTDIR"
  File "${PRODUCT_ICON}"
; @@INSTALL_FILES@@

  ; Shortcuts (the working directory of a shortcut is the current output path)
  SetOutPath "$PROFILE"
  CreateDirectory "$SMPROGRAMS\${PRODUCT_NAME}"
  [% for scname, sc in ib.shortcuts.items() %]
  CreateShortCut "$SMPROGRAMS\${PRODUCT_NAME}\[[scname]].lnk" "[[sc['target'] ]]" '[[ sc['parameters'] ]]' "$INSTDIR\[[ sc['icon'] ]]"
  CreateShortCut "$DESKTOP\[[scname]].lnk" "[[sc['target'] ]]" '[[ sc['parameters'] ]]' "$INSTDIR\[[ sc['icon'] ]]"
  [% endfor %]
  SetOutPath "$INSTDIR"

  DetailPrint "Byte-compiling Python modules..."
  nsExec::ExecToLog '"$INSTDIR\Python\python.exe" -m compileall -q "$INSTDIR\pkgs"'

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${PRODUCT_ICON}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${PRODUCT_VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "[[ib.publisher]]"
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  SetRegView 64
  [% for scname in ib.shortcuts %]
  Delete "$DESKTOP\[[scname]].lnk"
  [% endfor %]
  RMDir /r "$SMPROGRAMS\${PRODUCT_NAME}"

  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\bin"
; @@UNINSTALL_FILES@@
  Delete "$INSTDIR\${PRODUCT_ICON}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"

  ; The shop's data is kept unless the user explicitly asks (default and silent answer: keep).
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 \
    "Delete the shop's data too (database, settings, receipts, logs in ${DATA_DIR})?$\r$\nThis cannot be undone." \
    /SD IDNO IDNO keep_data
    RMDir /r "${DATA_DIR}"
  keep_data:
SectionEnd
