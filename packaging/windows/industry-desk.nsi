; The Windows installer, built by scripts/windows/build.sh with NSIS (makensis), which
; defines VERSION, ICON, BUILD (the folder with industry-desk.exe/.com), ROOT (the source)
; and OUTFILE.
;
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\industry-desk,
; its shortcut to the user's Start menu, its registry entries under HKCU. Silent for IT:
;   industry-desk-setup.exe /S               install, no association
;   industry-desk-setup.exe /S /ASSOCIATE    install, and data files (.ron) open in the app
;   "%LOCALAPPDATA%\Programs\industry-desk\uninstall.exe" /S
; The uninstaller removes what the installer put in place and never the user's data folder
; (%APPDATA%\industry-desk: recovery copies, versions, settings) nor any data file.

; A 64-bit installer for the 64-bit program: no WOW64 file or registry redirection.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define APP "industry-desk"
!define DISPLAY "Bàn làm việc công nghiệp"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PROGID "IndustryDesk.Data"

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${DISPLAY}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${DISPLAY} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${DISPLAY}"
VIAddVersionKey /LANG=0 "FileDescription" "${DISPLAY} — cài đặt"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP}.exe"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
; The first language is the one used where Windows' own is neither.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

LangString SecProgram ${LANG_VIETNAMESE} "Chương trình và lối tắt trong menu Start"
LangString SecProgram ${LANG_ENGLISH} "The program and its Start menu shortcut"
LangString SecAssociate ${LANG_VIETNAMESE} "Mở tệp dữ liệu (.ron) bằng chương trình này khi nhấp đúp"
LangString SecAssociate ${LANG_ENGLISH} "Open data files (.ron) in this program on a double-click"
LangString FileType ${LANG_VIETNAMESE} "Tệp dữ liệu Bàn làm việc công nghiệp"
LangString FileType ${LANG_ENGLISH} "Industry Desk data file"

Section "!$(SecProgram)" SecProgramId
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${BUILD}\${APP}.exe"
  File "${BUILD}\${APP}.com"
  File "${ROOT}\assets\fonts\OFL.txt"
  File "${ROOT}\assets\fonts\LiberationSerif-LICENSE.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${DISPLAY}.lnk" "$INSTDIR\${APP}.exe" "" "$INSTDIR\${APP}.exe" 0
  ; Settings › Apps lists it for this user, with its own uninstaller.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${DISPLAY}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Industry Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
  ; Win+R "industry-desk" finds it.
  WriteRegStr HKCU "Software\Microsoft\Windows\CurrentVersion\App Paths\${APP}.exe" "" "$INSTDIR\${APP}.exe"
SectionEnd

; Off unless chosen (or /ASSOCIATE): .ron is also the extension of other programs' files.
Section /o "$(SecAssociate)" SecAssociateId
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FileType)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP}.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP}.exe" "%1"'
  WriteRegStr HKCU "Software\Classes\.ron" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${APP}.exe\shell\open\command" "" '"$INSTDIR\${APP}.exe" "%1"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Associated" "1"
  ; SHCNE_ASSOCCHANGED: Explorer shows the new icon and opener without a restart.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Function .onInit
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/ASSOCIATE" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecAssociateId} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  Delete "$INSTDIR\${APP}.exe"
  Delete "$INSTDIR\${APP}.com"
  Delete "$INSTDIR\OFL.txt"
  Delete "$INSTDIR\LiberationSerif-LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${DISPLAY}.lnk"
  DeleteRegKey HKCU "Software\Microsoft\Windows\CurrentVersion\App Paths\${APP}.exe"
  ; The association only where it is still ours (another program may have taken .ron since).
  ReadRegStr $0 HKCU "Software\Classes\.ron" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKCU "Software\Classes\.ron" ""
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.ron\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\.ron"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${APP}.exe"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; Not removed: %APPDATA%\${APP} (the user's recovery copies, versions and settings).
SectionEnd
