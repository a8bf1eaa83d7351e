#!/bin/sh
# Install Desktop CRM from this folder: the program, a menu entry, icons, and .crm files
# opening in it. For yourself (~/.local, no root) or, with --system, for everyone.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
case "${1:-}" in
  --system) app_dir=/opt/desktop-crm; bin_dir=/usr/local/bin; share=/usr/local/share ;;
  "") app_dir="$HOME/.local/lib/desktop-crm"
      bin_dir="$HOME/.local/bin"; share="${XDG_DATA_HOME:-$HOME/.local/share}" ;;
  *) echo "usage: install.sh [--system]" >&2; exit 2 ;;
esac
if [ ! -x "$here/desktop-crm/desktop-crm" ]; then
  echo "install.sh: run it from the unpacked folder (desktop-crm/desktop-crm is missing)" >&2
  exit 1
fi
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$share/applications" "$share/mime/packages"
# A fresh copy: files of an older version must not linger beside the new ones.
rm -rf "$app_dir.new"
cp -a "$here/desktop-crm" "$app_dir.new"
rm -rf "$app_dir.old"
if [ -e "$app_dir" ]; then mv "$app_dir" "$app_dir.old"; fi
mv "$app_dir.new" "$app_dir"
rm -rf "$app_dir.old"
ln -sf "$app_dir/desktop-crm" "$bin_dir/desktop-crm"
ln -sf "$app_dir/desktop-crm" "$bin_dir/desktop-crm-cli"
# The Exec line quotes the program's path (a home folder may hold spaces): inside the quotes
# " ` $ and \ are escaped with a backslash, % is doubled, then every backslash is doubled again
# because the value is a string first (the Desktop Entry spec, "The Exec key").
exec_arg=$(printf '%s' "$app_dir/desktop-crm" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g' -e 's/\\/\\\\/g')
EXEC_ARG="\"$exec_arg\"" awk '{
  line = $0
  at = index(line, "@EXEC@")
  if (at > 0) line = substr(line, 1, at - 1) ENVIRON["EXEC_ARG"] substr(line, at + 6)
  print line
}' "$here/share/desktop-crm.desktop.in" > "$share/applications/desktop-crm.desktop"
cp "$here/share/desktop-crm-workspace.xml" "$share/mime/packages/desktop-crm-workspace.xml"
for png in "$app_dir"/_internal/resources/icons/app/png/desktop-crm-*.png; do
  [ -e "$png" ] || continue
  size=$(basename "$png" .png); size=${size#desktop-crm-}
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$share/icons/hicolor/${size}x${size}/apps/desktop-crm.png"
done
if [ -e "$app_dir/_internal/resources/icons/app/desktop-crm.svg" ]; then
  mkdir -p "$share/icons/hicolor/scalable/apps"
  cp "$app_dir/_internal/resources/icons/app/desktop-crm.svg" \
    "$share/icons/hicolor/scalable/apps/desktop-crm.svg"
fi
# Refresh the desktop's caches when the tools are there (a minimal system may lack them).
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" >/dev/null 2>&1 || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" >/dev/null 2>&1 || true
command -v xdg-mime >/dev/null && xdg-mime default desktop-crm.desktop application/x-desktop-crm-workspace >/dev/null 2>&1 || true
echo "Desktop CRM is installed in $app_dir."
echo "Start it from the applications menu, or run: $bin_dir/desktop-crm"
case ":$PATH:" in *":$bin_dir:"*) ;; *) echo "($bin_dir is not on your PATH yet; it is after you log in again on most systems.)";; esac
