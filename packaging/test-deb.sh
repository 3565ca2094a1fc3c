#!/usr/bin/env bash
# Builds the .deb, installs it with dpkg, and checks that the installed launcher works: the
# command line answers, and `snapshot` renders the health board (no display needed: Monocle).
# Prints the installed size and the launch time. Run as root (dpkg). Removes the package after.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# What building and installing need, from Debian's packages.
need=()
for pkg in fakeroot xdg-utils libgtk-3-0 bc binutils xvfb x11-apps imagemagick; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; fi
./mvnw -B -ntp -q -Pinstaller -DskipTests package
deb=$(ls target/installer/spine-console_*_amd64.deb)
# A desktop system has these; a bare container does not, and the package's menu entry needs them.
mkdir -p /usr/share/applications /usr/share/desktop-directories
dpkg -i "$deb"
trap 'dpkg -r spine-console >/dev/null || true' EXIT
launcher=/opt/spine-console/bin/spine-console
test -x "$launcher"
test -f /opt/spine-console/lib/spine-console.png
ls /usr/share/applications/*spine-console*.desktop
grep -q "^Icon=/opt/spine-console/lib/spine-console.png" /usr/share/applications/*spine-console*.desktop
"$launcher" --version | grep -q "spine-console 0.1.0"
data=$(mktemp -d "$root/target/deb-test.XXXXXX")  # in the build directory, not the machine's /tmp
start=$(date +%s.%N)
SPINE_CONSOLE_DATA="$data" "$launcher" snapshot --out "$data/board.png" --size 1280x800 --wait 30
end=$(date +%s.%N)
test -s "$data/board.png"
# The window itself, from the installed launcher, under a virtual display: it must come up and stay up.
xvfb-run -a -s '-screen 0 1920x1080x24' bash -c "
  SPINE_CONSOLE_DATA='$data/gui' '$launcher' > '$data/gui.log' 2>&1 & app=\$!
  sleep 15
  kill -0 \$app
  import -window root '$data/window.png'
  kill \$app"
test -s "$data/window.png"
grep -q "demo platform wrote" "$data/gui.log"
echo "window screenshot: $data/window.png"
echo "deb: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
echo "installed size: $(du -sh /opt/spine-console | cut -f1)"
echo "launch to PNG written (JVM start, demo history, live, render): $(echo "$end - $start" | bc) s"
echo "deb test: OK"
