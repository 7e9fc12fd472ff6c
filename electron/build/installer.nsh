; Adds Margin to Explorer's "Open with" list for the formats it imports, without taking
; over the default application (electron-builder's fileAssociations would: it writes the
; extension's default value). Per-user or per-machine follows the install (SHELL_CONTEXT).
!define MARGIN_PROGID "Margin.Import"

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MARGIN_PROGID}" "" "Import into Margin"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MARGIN_PROGID}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MARGIN_PROGID}\shell\open" "" "Open with Margin"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${MARGIN_PROGID}\shell\open\command" "" '"$appExe" "%1"'
  WriteRegNone SHELL_CONTEXT "Software\Classes\.md\OpenWithProgids" "${MARGIN_PROGID}"
  WriteRegNone SHELL_CONTEXT "Software\Classes\.markdown\OpenWithProgids" "${MARGIN_PROGID}"
  WriteRegNone SHELL_CONTEXT "Software\Classes\.html\OpenWithProgids" "${MARGIN_PROGID}"
  WriteRegNone SHELL_CONTEXT "Software\Classes\.htm\OpenWithProgids" "${MARGIN_PROGID}"
  WriteRegNone SHELL_CONTEXT "Software\Classes\.pdf\OpenWithProgids" "${MARGIN_PROGID}"
  WriteRegNone SHELL_CONTEXT "Software\Classes\.docx\OpenWithProgids" "${MARGIN_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.md\OpenWithProgids" "${MARGIN_PROGID}"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.markdown\OpenWithProgids" "${MARGIN_PROGID}"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.html\OpenWithProgids" "${MARGIN_PROGID}"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.htm\OpenWithProgids" "${MARGIN_PROGID}"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.pdf\OpenWithProgids" "${MARGIN_PROGID}"
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.docx\OpenWithProgids" "${MARGIN_PROGID}"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${MARGIN_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend
