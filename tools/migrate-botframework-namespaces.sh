#!/usr/bin/env bash
# Rewrites the old Bot Framework namespaces (Mvai.Bot.BotFramework.*, the folder of the app before the layer became
# the Mvai.BotFramework and Mvai.BotFramework.AspNetCore projects) to the new ones in the C# files given.
#
#   tools/migrate-botframework-namespaces.sh Mvai.Bot/Desk/*.cs tests/Mvai.Bot.Tests/Desk/*.cs
#   tools/migrate-botframework-namespaces.sh $(git grep -l 'Mvai.Bot.BotFramework' -- '*.cs')
#
# Most namespaces only changed prefix (Mvai.Bot.BotFramework.Dialogs -> Mvai.BotFramework.Dialogs). The old Hosting
# namespace was split: the turn abstractions (ITurnContext, IBot, IBotMiddleware, IChannelAdapter, ...) are now in
# Mvai.BotFramework.Builder, RedactedException in Mvai.BotFramework.Diagnostics, the HTTP side (CloudAdapter,
# BotMessagesEndpoint, ...) stays in Mvai.BotFramework.Hosting. For a split namespace a file gets a using for each new
# namespace whose types or extension methods it names, read from the new projects' sources, so no unused using
# (IDE0005, an error in this build) is added. Run it from the repository root; it edits files in place.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 FILE.cs..." >&2
    exit 2
fi

python3 - "$@" <<'PYTHON'
import os, re, sys

ROOT = os.getcwd()
# Old namespace tail -> the new namespaces its types went to, each with the folder that declares them; the first is
# kept when the file names none of them.
SPLITS = {
    "Hosting": [
        ("Mvai.BotFramework.Hosting", "Mvai.BotFramework.AspNetCore/Hosting"),
        ("Mvai.BotFramework.Builder", "Mvai.BotFramework/Builder"),
        ("Mvai.BotFramework.Diagnostics", "Mvai.BotFramework/Diagnostics"),
    ],
    "State.Postgres": [
        ("Mvai.BotFramework.State.Postgres", "Mvai.BotFramework/State/Postgres"),
        ("Mvai.Bot.Handoff.Console", None),
    ],
}
# Types that left the layer for the app, by old namespace tail.
MOVED_TO_APP = {"PostgresXmlRepository": "Mvai.Bot.Handoff.Console"}
DECLARATION = re.compile(
    r"^\s*(?:public|internal)\s+(?:(?:sealed|static|abstract|partial|readonly)\s+)*(?:class|record|interface|struct|enum|delegate\s+\S+)\s+(\w+)"
    r"|^\s*public\s+static\s+(?:async\s+)?[\w<>\[\]?,. ]+\s+(\w+)\s*(?:<[^>]*>)?\(\s*this\b",
    re.M)


def declared_names(folder):
    names = set()
    path = os.path.join(ROOT, folder)
    for directory, _, files in os.walk(path):
        # Only this namespace, not its sub-namespaces' folders.
        if directory != path:
            continue
        for name in files:
            if name.endswith(".cs"):
                with open(os.path.join(directory, name), encoding="utf-8") as source:
                    for match in DECLARATION.finditer(source.read()):
                        names.add(match.group(1) or match.group(2))
    return names


NAMES = {}
for targets in SPLITS.values():
    for namespace, folder in targets:
        if folder is not None and namespace not in NAMES:
            NAMES[namespace] = declared_names(folder)
NAMES["Mvai.Bot.Handoff.Console"] = set(MOVED_TO_APP)
OWNER = {}
for namespace, names in NAMES.items():
    for name in names:
        OWNER.setdefault(name, namespace)

OLD_USING = re.compile(r"^([ \t]*)using[ \t]+(?:(\w+)[ \t]*=[ \t]*)?Mvai\.Bot\.BotFramework\.([\w.]+?)[ \t]*;[ \t]*$", re.M)
OLD_QUALIFIED = re.compile(r"\bMvai\.Bot\.BotFramework\.([\w.]+)")


DROPPED = "\0dropped using\0"


COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
CREF = re.compile(r'cref="([^"]*)"')


def body_without_usings(text):
    # Comments do not need a using, except the crefs of XML docs, which the compiler resolves.
    code = COMMENT.sub(lambda m: " ".join(CREF.findall(m.group(0))), OLD_USING.sub("", text))
    return code


def rewrite_using(match, body, own_namespace):
    indent, alias, tail = match.group(1), match.group(2), match.group(3)
    if alias:
        # using Activity = Mvai.Bot.BotFramework.Protocol.Activity;
        return f"{indent}using {alias} = {qualified(tail)};"
    targets = SPLITS.get(tail)
    if targets is None:
        return f"{indent}using Mvai.BotFramework.{tail};"
    named = [namespace for namespace, _ in targets
             if any(re.search(rf"\b{re.escape(n)}\b", body) for n in NAMES[namespace])]
    if not named:
        named = [targets[0][0]]
    used = [namespace for namespace in named if namespace != own_namespace]
    return "\n".join(f"{indent}using {namespace};" for namespace in used) if used else DROPPED


def qualified(tail):
    # Mvai.Bot.BotFramework.Hosting.ITurnContext -> Mvai.BotFramework.Builder.ITurnContext
    parts = tail.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        namespace, rest = ".".join(parts[:cut]), parts[cut:]
        if namespace in SPLITS and rest[0] in OWNER:
            return ".".join([OWNER[rest[0]]] + rest)
    return "Mvai.BotFramework." + tail


def migrate(path):
    with open(path, encoding="utf-8") as source:
        text = source.read()
    if "Mvai.Bot.BotFramework" not in text:
        return False
    body = body_without_usings(text)
    own = re.search(r"^namespace\s+([\w.]+)", text, re.M)
    own_namespace = own.group(1) if own else None
    text = OLD_USING.sub(lambda m: rewrite_using(m, body, own_namespace), text)
    text = OLD_QUALIFIED.sub(lambda m: qualified(m.group(1)), text)
    # A split can leave a using twice (two old namespaces mapping to the same new one): keep the first.
    seen, lines = set(), []
    for line in text.split("\n"):
        key = line.strip()
        if key == DROPPED:
            continue
        if key.startswith("using ") and key.endswith(";") and "=" not in key and not key.startswith("using var "):
            if key in seen:
                continue
            seen.add(key)
        lines.append(line)
    with open(path, "w", encoding="utf-8") as target:
        target.write("\n".join(lines))
    return True


changed = [path for path in sys.argv[1:] if path.endswith(".cs") and migrate(path)]
for path in changed:
    print(f"migrated {path}")
PYTHON
