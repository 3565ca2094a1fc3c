#!/usr/bin/env bash
# Builds the native installer for this OS into target/installer/ with jpackage, over a minimal
# jlink'd runtime (the JDK modules the app uses; JavaFX and the other libraries stay on the class
# path: ELK-style automatic modules and JavaFX's classifier jars make a fully modular image fail).
# Called by `./mvnw -Pinstaller -DskipTests package`; needs a JDK >= 21 with jpackage in JAVA_HOME
# (and fakeroot for the .deb).
set -euo pipefail
target="${1:?target directory}"
version="${2:?version}"
root="$(cd "$(dirname "$0")/.." && pwd)"
java_home="${JAVA_HOME:?set JAVA_HOME to a JDK >= 21}"
input="$target/installer-input"
runtime="$target/installer-runtime"
out="$target/installer"
rm -rf "$input" "$runtime" "$out"
mkdir -p "$input" "$out"
cp "$target/spine-console.jar" "$input/"
cp -r "$target/lib" "$input/lib"

"$java_home/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.jfr,jdk.jsobject,jdk.unsupported,jdk.unsupported.desktop,jdk.xml.dom,jdk.crypto.ec,jdk.localedata \
  --strip-debug --no-header-files --no-man-pages --output "$runtime"

common=(--name spine-console --app-version "$version" --vendor "Market Spine" --input "$input"
  --main-jar spine-console.jar --main-class org.marketspine.console.cli.Main --runtime-image "$runtime"
  --description "Spine Console: health, readiness and lineage for Market Spine"
  --java-options "--enable-native-access=ALL-UNNAMED" --dest "$out")

case "$(uname -s)" in
  Linux)
    "$java_home/bin/jpackage" "${common[@]}" --type app-image --icon "$root/icons/png/spine-console-256.png"
    "$java_home/bin/jpackage" "${common[@]}" --type deb --icon "$root/icons/png/spine-console-256.png" \
      --linux-package-name spine-console --linux-menu-group "Office;Finance" --linux-shortcut \
      --linux-app-category misc --linux-package-deps "libgtk-3-0"
    ;;
  Darwin)
    "$java_home/bin/jpackage" "${common[@]}" --type dmg --icon "$root/icons/spine-console.icns" --mac-package-name "Spine Console"
    ;;
  MINGW*|MSYS*|CYGWIN*)
    "$java_home/bin/jpackage" "${common[@]}" --type msi --icon "$root/icons/spine-console.ico" --win-menu --win-shortcut \
      --win-dir-chooser --win-menu-group "Market Spine"
    ;;
esac
ls -la "$out"
