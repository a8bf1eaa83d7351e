; Inno Setup 6 script: the Windows installer of Desktop CRM.
;
; On Windows, from the repository:
;   uv run python installers\build.py
;   iscc installers\windows\desktop-crm.iss
; makes dist\desktop-crm-0.1.0-setup.exe from dist\desktop-crm\ (see installers\README.md).
;
; It installs for the current user (no administrator needed) or, if chosen, for everyone; adds
; a Start-menu entry, opens .crm files in the app, and puts the console program
; desktop-crm-cli.exe beside the app. The uninstaller removes the program only: workspaces,
; backups, settings and logs (%LOCALAPPDATA%\Desktop CRM, and wherever .crm files were saved)
; stay.

#define Dist "..\..\dist\desktop-crm"
; The version is the one build.py stamped into the program (pyproject.toml's), unless given.
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + Dist + "\desktop-crm.exe")
#endif
#define AppName "Desktop CRM"
#define AppExe "desktop-crm.exe"
#define ProgId "DesktopCRM.Workspace"

[Setup]
; The id ties upgrades and the uninstaller together: never change it.
AppId={{5C6E9A3D-2F41-4B7E-9D0A-7E3B1C8F4A62}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Desktop CRM contributors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
CloseApplications=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=..\..\resources\legal\LICENSE.txt
SetupIconFile=desktop-crm.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=desktop-crm-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Official in Inno Setup's Languages folder from 6.4; older compilers build English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; A new version replaces the whole program folder: files of an older build never linger.
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .crm files open in the app (per user or per machine, as installed: HKA).
Root: HKA; Subkey: "Software\Classes\.crm"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.crm\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Desktop CRM Workspace"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".crm"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote into its folder; the user's data lives elsewhere.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
