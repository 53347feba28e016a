#!/bin/sh
# Register Alignment Workshop with the current user's desktop: the launcher (.desktop),
# the application/x-alignment-workshop MIME type for *.alignment files, and the hicolor
# icons. Nothing outside the user's own data folder is touched; no root needed.
#
#   packaging/install-desktop.sh [--exec COMMAND] [--uninstall]
#
# --exec     the program the launcher runs (default: alignment-workshop on PATH, else the
#            repository's .venv, else a bundle in dist/). Written as an absolute path.
# Honours XDG_DATA_HOME (default ~/.local/share) and XDG_CONFIG_HOME for mimeapps.list.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
app_id=alignment-workshop
mime_type=application/x-alignment-workshop
exec_cmd=""
uninstall=0

while [ $# -gt 0 ]; do
    case "$1" in
        --exec) exec_cmd=$2; shift 2 ;;
        --exec=*) exec_cmd=${1#--exec=}; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "install-desktop: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

have() { command -v "$1" >/dev/null 2>&1; }

refresh() {
    if have update-mime-database; then update-mime-database "$data_home/mime"; fi
    if have update-desktop-database; then update-desktop-database -q "$data_home/applications"; fi
    if have gtk-update-icon-cache && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
    fi
}

if [ "$uninstall" = 1 ]; then
    rm -f "$data_home/applications/$app_id.desktop" "$data_home/mime/packages/$app_id.xml"
    rm -f "$data_home"/icons/hicolor/*/apps/"$app_id".png "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
    mkdir -p "$data_home/mime/packages" "$data_home/applications"
    refresh
    echo "Removed Alignment Workshop from $data_home"
    exit 0
fi

if [ -z "$exec_cmd" ]; then
    if have "$app_id"; then exec_cmd=$(command -v "$app_id")
    elif [ -x "$repo/.venv/bin/$app_id" ]; then exec_cmd="$repo/.venv/bin/$app_id"
    elif [ -x "$repo/dist/$app_id/$app_id" ]; then exec_cmd="$repo/dist/$app_id/$app_id"
    else
        echo "install-desktop: cannot find the $app_id program; pass --exec PATH" >&2
        exit 1
    fi
fi
case "$exec_cmd" in
    /*) ;;
    *) exec_cmd="$(cd "$(dirname "$exec_cmd")" && pwd)/$(basename "$exec_cmd")" ;;
esac

mkdir -p "$data_home/applications" "$data_home/mime/packages"
# The launcher runs the absolute path, quoted and escaped as the Desktop Entry spec asks
# (\ " ` $ get a backslash, which the string escaping doubles; % becomes %%). awk reads
# the lines from the environment, so nothing re-interprets the backslashes.
quoted=$(printf '%s' "$exec_cmd" | sed -e 's/[\\"`$]/\\\\&/g' -e 's/%/%%/g')
try_exec=$(printf '%s' "$exec_cmd" | sed -e 's/\\/\\\\/g')
EXEC_LINE="Exec=\"$quoted\" %f" TRY_LINE="TryExec=$try_exec" awk '
    /^Exec=/ { print ENVIRON["EXEC_LINE"]; next }
    /^TryExec=/ { print ENVIRON["TRY_LINE"]; next }
    { print }
' "$here/linux/$app_id.desktop" > "$data_home/applications/$app_id.desktop"
cp "$here/linux/$app_id.xml" "$data_home/mime/packages/$app_id.xml"

icons="$repo/resources/icons"
for png in "$icons"/hicolor/*/apps/"$app_id".png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    if have xdg-icon-resource; then
        xdg-icon-resource install --noupdate --novendor --mode user \
            --size "${size%%x*}" "$png" "$app_id"
    else
        mkdir -p "$data_home/icons/hicolor/$size/apps"
        cp "$png" "$data_home/icons/hicolor/$size/apps/$app_id.png"
    fi
done
mkdir -p "$data_home/icons/hicolor/scalable/apps"
cp "$icons/app.svg" "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
if have xdg-icon-resource; then xdg-icon-resource forceupdate --mode user || true; fi

refresh
if have xdg-mime; then
    xdg-mime default "$app_id.desktop" "$mime_type" || true
fi
echo "Installed Alignment Workshop for $(id -un) in $data_home (runs $exec_cmd)"
