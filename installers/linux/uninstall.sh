#!/bin/sh
# Remove Desktop CRM's program, menu entry, icons and file type. Your workspaces, backups,
# logs (~/.local/share/Desktop CRM, wherever you saved .crm files) and preferences (~/.config/Desktop CRM) are kept.
set -eu
case "${1:-}" in
  --system) app_dir=/opt/desktop-crm; bin_dir=/usr/local/bin; share=/usr/local/share ;;
  "") app_dir="$HOME/.local/lib/desktop-crm"
      bin_dir="$HOME/.local/bin"; share="${XDG_DATA_HOME:-$HOME/.local/share}" ;;
  *) echo "usage: uninstall.sh [--system]" >&2; exit 2 ;;
esac
rm -rf "$app_dir"
for link in "$bin_dir/desktop-crm" "$bin_dir/desktop-crm-cli"; do
  [ -L "$link" ] && rm -f "$link"
done
rm -f "$share/applications/desktop-crm.desktop" "$share/mime/packages/desktop-crm-workspace.xml"
find "$share/icons/hicolor" -name 'desktop-crm.png' -path '*/apps/*' -delete 2>/dev/null || true
rm -f "$share/icons/hicolor/scalable/apps/desktop-crm.svg"
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" >/dev/null 2>&1 || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" >/dev/null 2>&1 || true
echo "Desktop CRM is removed. Your workspaces and backups are kept."
