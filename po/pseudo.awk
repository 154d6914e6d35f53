# pseudo.awk — the pseudo-language xx-pseudo: every message bracketed and about 40 % longer, in
# words that can wrap, so a layout check sees what a long language does to every screen and an
# unbracketed text on screen is one that was never marked for translation. msgfilter feeds one
# message on standard input; placeholders (%s, {name}) are kept as they are.
{ text = text (NR > 1 ? "\n" : "") $0 }
END {
    if (text == "") { printf ""; exit }
    n = length(text)
    pad = int(n * 0.4 + 0.99)
    extra = ""
    while (length(extra) < pad)
        extra = extra " ~~~"
    printf "[%s%s]", text, substr(extra, 1, pad)
}
