; NSIS script of the Windows-runner build (.github/workflows/windows-installer.yml): packs the PyInstaller
; one-dir output dist\nexipos\ into NexiPOS-Setup-<version>.exe. Per-user install, Start-menu and desktop
; shortcuts, uninstaller; the shop's data (%LOCALAPPDATA%\NexiPOS) is kept unless the user asks.
; makensis /DVERSION=0.1.0 /DSRCDIR=..\..\dist\nexipos /DOUTFILE=..\..\dist\NexiPOS-Setup-0.1.0.exe nexipos-pyinstaller.nsi

!ifndef VERSION
  !error "pass /DVERSION=<version>"
!endif
!ifndef SRCDIR
  !error "pass /DSRCDIR=<PyInstaller one-dir output>"
!endif
!ifndef OUTFILE
  !define OUTFILE "NexiPOS-Setup-${VERSION}.exe"
!endif

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define PRODUCT_NAME "NexiPOS"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\NexiPOS"
!define DATA_DIR "$LOCALAPPDATA\NexiPOS"

!include "MUI2.nsh"
!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Greek"
!insertmacro MUI_LANGUAGE "English"

Name "${PRODUCT_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\NexiPOS"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"

Section "!${PRODUCT_NAME}"
  SetShellVarContext current
  SectionIn RO
  ; Upgrade: replace the program files; the data directory is elsewhere and untouched.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SRCDIR}\*.*"

  SetOutPath "$PROFILE"
  CreateDirectory "$SMPROGRAMS\${PRODUCT_NAME}"
  CreateShortCut "$SMPROGRAMS\${PRODUCT_NAME}\NexiPOS.lnk" "$INSTDIR\nexipos.exe"
  CreateShortCut "$DESKTOP\NexiPOS.lnk" "$INSTDIR\nexipos.exe"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "NexiPOS"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\nexipos.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$DESKTOP\NexiPOS.lnk"
  RMDir /r "$SMPROGRAMS\${PRODUCT_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\nexipos.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 \
    "Delete the shop's data too (database, settings, receipts, logs in ${DATA_DIR})?$\r$\nThis cannot be undone." \
    /SD IDNO IDNO keep_data
    RMDir /r "${DATA_DIR}"
  keep_data:
SectionEnd
