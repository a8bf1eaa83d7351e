#!/bin/sh
# Turn dist/Desktop CRM.app (made by `uv run python installers/build.py` on a Mac) into
# dist/desktop-crm-<version>-macos-<arch>.dmg: a window with the app and a link to Applications.
#
# Signing: PyInstaller signs the bundle ad hoc (enough to run on the Mac that built it, and on
# Apple silicon at all). For other Macs, sign with a Developer ID and notarize, e.g.
#   codesign --deep --force --options runtime --timestamp \
#     --sign "Developer ID Application: NAME (TEAMID)" "dist/Desktop CRM.app"
#   (then this script, then)
#   xcrun notarytool submit dist/desktop-crm-*.dmg --keychain-profile PROFILE --wait
#   xcrun stapler staple dist/desktop-crm-*.dmg
# Unsigned copies open after right-click → Open (or System Settings → Privacy & Security).
set -eu
cd "$(dirname "$0")/../.."
app="dist/Desktop CRM.app"
if [ ! -d "$app" ]; then
  echo "make-dmg.sh: $app is missing: run uv run python installers/build.py first" >&2
  exit 1
fi
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
arch=$(uname -m)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
out="dist/desktop-crm-$version-macos-$arch.dmg"
rm -f "$out"
hdiutil create -volname "Desktop CRM $version" -srcfolder "$stage" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$out"
echo "$out"
