#!/usr/bin/env bash
# Sets up the wall board for the current (kiosk) user:
#   install-wall.sh ws://feed-host:8765/feed TOKEN_FILE
# Writes ~/.config/spine-console/wall.env and wall-token (mode 600), installs and enables the
# systemd user service (or, without systemd, an XDG autostart entry that restarts the board).
set -euo pipefail
url="${1:?usage: install-wall.sh FEED_URL TOKEN_FILE}"
token_file="${2:?usage: install-wall.sh FEED_URL TOKEN_FILE}"
case "$url" in ws://*|wss://*) ;; *) echo "feed URL must start with ws:// or wss://" >&2; exit 2 ;; esac
[ -s "$token_file" ] || { echo "token file $token_file is missing or empty" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
config="${XDG_CONFIG_HOME:-$HOME/.config}/spine-console"
umask 077
mkdir -p "$config"
printf 'SPINE_FEED_URL=%s\n' "$url" > "$config/wall.env"
tr -d '\n' < "$token_file" > "$config/wall-token"
chmod 600 "$config/wall.env" "$config/wall-token"
if command -v systemctl >/dev/null 2>&1 && systemctl --user show-environment >/dev/null 2>&1; then
  units="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
  mkdir -p "$units"
  install -m 644 "$here/spine-console-wall.service" "$units/"
  systemctl --user daemon-reload
  systemctl --user enable --now spine-console-wall.service
  echo "wall board enabled as a systemd user service"
else
  autostart="${XDG_CONFIG_HOME:-$HOME/.config}/autostart"
  mkdir -p "$autostart"
  cat > "$autostart/spine-console-wall.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Spine Console wall board
Exec=sh -c 'while true; do /opt/spine-console/bin/spine-console --wall --feed "\$(sed -n s/^SPINE_FEED_URL=//p $config/wall.env)" --token-file $config/wall-token; sleep 5; done'
X-GNOME-Autostart-enabled=true
DESKTOP
  echo "no systemd user session: installed an autostart entry that restarts the board"
fi
